package timex_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// tx is an expected expression: its text and value.
type tx struct{ text, value string }

func (x tx) String() string { return fmt.Sprintf("%q=%s", x.text, x.value) }

type findCase struct {
	name, lang, pub, text string
	want                  []tx
}

// Sunday 2017-11-12 (ISO week 45) is the publication date of most cases.
const sun = "2017-11-12"

var germanCases = []findCase{
	// Absolute dates.
	{"day month year", "de", sun, "Er wurde am 12. November 2017 gewählt.", []tx{{"am 12. November 2017", "2017-11-12"}}},
	{"numeric date", "de", sun, "Die Frist endete am 12.11.2017 um Mitternacht.", []tx{{"am 12.11.2017 um Mitternacht", "2017-11-12"}}},
	{"numeric date two-digit year", "de", sun, "Stand 01.10.17: keine Änderung.", []tx{{"01.10.17", "2017-10-01"}}},
	{"short numeric date with clock", "de", sun, "Der Tweet hatte 500 Likes (Stand: 13.11., 9.45 Uhr).", []tx{{"13.11., 9.45 Uhr", "2017-11-13"}}},
	{"iso date", "de", sun, "Veröffentlicht 2017-11-12 in Berlin.", []tx{{"2017-11-12", "2017-11-12"}}},
	{"ordinal day month", "de", sun, "Das Treffen war am 5. August.", []tx{{"am 5. August", "2017-08-05"}}},
	{"day month future is next year", "de", sun, "Die Wahl findet am 3. Februar statt.", []tx{{"am 3. Februar", "2018-02-03"}}},
	{"glued ordinal", "de", sun, "Am 3.Oktober feierte das Land.", []tx{{"Am 3.Oktober", "2017-10-03"}}},
	{"two days one month", "de", sun, "Der Gipfel tagt am 12. und 13. Dezember.", []tx{{"am 12.", "2017-12-12"}, {"13. Dezember", "2017-12-13"}}},
	{"dateline", "de", "2022-02-24", "KIEW, 24. Februar (Reuters) - Russland greift an.", []tx{{"24. Februar", "2022-02-24"}}},
	// Months.
	{"month past", "de", sun, "Im September hatte Kim gedroht.", []tx{{"Im September", "2017-09"}}},
	{"month future", "de", sun, "Moon will im Dezember nach China reisen.", []tx{{"im Dezember", "2017-12"}}},
	{"month nearest ahead", "de", sun, "Die Spiele beginnen im Februar.", []tx{{"im Februar", "2018-02"}}},
	{"month with year", "de", sun, "Das Telefonat im September 2013 war kurz.", []tx{{"im September 2013", "2013-09"}}},
	{"month year", "de", sun, "Der tiefste Stand seit August 2011.", []tx{{"August 2011", "2011-08"}}},
	{"beginning of month", "de", sun, "Anfang September hatte Nordkorea getestet.", []tx{{"Anfang September", "2017-09"}}},
	{"middle of month", "de", sun, "Mitte Oktober kam es zum Streit.", []tx{{"Mitte Oktober", "2017-10"}}},
	{"end of month with year", "de", "2015-01-22", "Das Programm soll bis Ende September 2016 laufen.", []tx{{"Ende September 2016", "2016-09"}}},
	{"from month", "de", "2015-01-22", "Die EZB kauft ab März Anleihen.", []tx{{"ab März", "2015-03"}}},
	{"bare month prospective", "de", "2016-06-24", "Cameron kündigte seinen Rücktritt für Oktober an.", []tx{{"Oktober", "2016-10"}}},
	{"month as first name", "de", sun, "August Bebel gründete die Partei.", nil},
	// Years.
	{"bare year", "de", sun, "Cameron hatte das Referendum 2013 vorgeschlagen.", []tx{{"2013", "2013"}}},
	{"year with Jahr", "de", sun, "Die Behörden hatten das Schiff im Jahr 2013 gestoppt.", []tx{{"im Jahr 2013", "2013"}}},
	{"year range", "de", sun, "Der Korea-Krieg dauerte von 1950 bis 1953.", []tx{{"1950", "1950"}, {"1953", "1953"}}},
	{"year range bare", "de", sun, "Seit dem Krieg 1950 bis 1953 herrscht Waffenstillstand.", []tx{{"1950", "1950"}, {"1953", "1953"}}},
	{"year list", "de", sun, "Deutschland wurde 1954, 1974 und 1990 Weltmeister.", []tx{{"1954", "1954"}, {"1974", "1974"}, {"1990", "1990"}}},
	{"year after since", "de", sun, "Er hat seit 1923 das Bürgerrecht.", []tx{{"1923", "1923"}}},
	{"count with noun", "de", sun, "Rund 2000 Polizisten und 1.000 Soldaten waren im Einsatz.", nil},
	{"count before noun", "de", sun, "Im Zelt gab es 2017 Mozartkugeln.", nil},
	{"count percent", "de", sun, "Der Kurs stieg um 2000 Prozent.", nil},
	{"count money", "de", sun, "Die Bilanz wuchs von 2000 Milliarden auf 3000 Milliarden Euro.", nil},
	{"beginning of year", "de", sun, "Anfang 2016 begann der Umbau.", []tx{{"Anfang 2016", "2016"}}},
	// Decades and centuries.
	{"decade", "de", sun, "In den 1990er Jahren wuchs die Stadt.", []tx{{"In den 1990er Jahren", "199"}}},
	{"decade hyphen", "de", sun, "Die Musik der 80er-Jahre ist zurück.", []tx{{"80er-Jahre", "198"}}},
	{"century", "de", sun, "Im 19. Jahrhundert war das anders.", []tx{{"Im 19. Jahrhundert", "18"}}},
	// Seasons.
	{"season", "de", "2022-09-28", "Die CIA hatte bereits im Sommer gewarnt.", []tx{{"im Sommer", "2022-SU"}}},
	{"season with year", "de", "2020-06-25", "Die Aktie fiel erstmals seit Sommer 2011 unter zehn Euro.", []tx{{"Sommer 2011", "2011-SU"}}},
	{"next spring", "de", sun, "Im kommenden Frühjahr soll gebaut werden.", []tx{{"Im kommenden Frühjahr", "2018-SP"}}},
	{"surname Sommer", "de", sun, "Theo Sommer schrieb einen Kommentar.", nil},
	// Weekdays.
	{"weekday same day", "de", sun, "Trump sagte am Sonntag in Hanoi, er sei bereit.", []tx{{"am Sonntag", "2017-11-12"}}},
	{"weekday past", "de", sun, "Der Vertrag wurde am Dienstag unterzeichnet.", []tx{{"am Dienstag", "2017-11-07"}}},
	{"weekday future", "de", sun, "Die Minister werden am Dienstag beraten.", []tx{{"am Dienstag", "2017-11-14"}}},
	{"weekday future present tense", "de", "2014-07-09", "Im Finale, das am Sonntag in Rio stattfindet, spielt Deutschland.", []tx{{"am Sonntag", "2014-07-13"}}},
	{"weekday future in reported speech", "de", sun, "Er sagte, er werde am Montag abreisen.", []tx{{"am Montag", "2017-11-13"}}},
	{"weekday past main clause", "de", "2018-10-20", "Trump schloss am Freitag nicht aus, dass Sanktionen verhängt werden könnten.", []tx{{"am Freitag", "2018-10-19"}}},
	{"weekday and weekday", "de", "2014-03-18", "Die EU würde bei ihrem Gipfel am Donnerstag und Freitag antworten.", []tx{{"am Donnerstag", "2014-03-20"}, {"Freitag", "2014-03-21"}}},
	{"weekday evening compound", "de", "2017-07-08", "Bei den Krawallen vom Freitagabend wurden Beamte verletzt.", []tx{{"vom Freitagabend", "2017-07-07"}}},
	{"weekday afternoon", "de", "2022-09-27", "Seismologen haben am Dienstagnachmittag Explosionen gemeldet.", []tx{{"am Dienstagnachmittag", "2022-09-27"}}},
	{"weekday morning", "de", "2021-08-15", "Am Sonntagmorgen (Ortszeit) fiel die Stadt.", []tx{{"Am Sonntagmorgen", "2021-08-15"}}},
	{"late weekday evening", "de", "2021-08-16", "Während die Taliban am späten Sonntagabend den Palast einnehmen, fliehen viele.", []tx{{"am späten Sonntagabend", "2021-08-15"}}},
	{"weekday früh", "de", "2016-06-24", "Die Behörden teilten Freitag früh das Ergebnis mit.", []tx{{"Freitag früh", "2016-06-24"}}},
	{"weekday glued früh", "de", "2015-07-14", "Es war Dienstagfrüh doch noch so weit.", []tx{{"Dienstagfrüh", "2015-07-14"}}},
	{"last weekday", "de", sun, "Am vergangenen Sonntag wurde gewählt.", []tx{{"Am vergangenen Sonntag", "2017-11-05"}}},
	{"next weekday", "de", sun, "Am kommenden Mittwoch tagt der Rat.", []tx{{"Am kommenden Mittwoch", "2017-11-15"}}},
	{"weekday with date", "de", sun, "Am Freitag, den 10. November, kam es zum Eklat.", []tx{{"Am Freitag, den 10. November", "2017-11-10"}}},
	{"weekly set", "de", sun, "Die Gruppe trifft sich jeden Sonntag.", nil},
	{"newspaper", "de", sun, "Das sagte er der Welt am Sonntag.", nil},
	// Nights.
	{"night to weekday", "de", "2020-08-05", "Die Behörden gaben die Zahl in der Nacht zum Mittwoch mit 73 an.", []tx{{"in der Nacht zum Mittwoch", "2020-08-05"}}},
	{"night from to", "de", "2022-09-28", "Es gab in der Nacht von Sonntag auf Montag einen Druckabfall.", []tx{{"in der Nacht von Sonntag auf Montag", "2022-09-26"}}},
	{"clock in the night", "de", "2022-09-27", "Die erste Explosion wurde kurz nach zwei Uhr in der Nacht zum Montag aufgezeichnet.", []tx{{"kurz nach zwei Uhr in der Nacht zum Montag", "2022-09-26"}}},
	{"bare night", "de", "2017-07-08", "Die Lage hat sich in der Nacht beruhigt.", []tx{{"in der Nacht", "2017-07-07"}}},
	{"until into the night", "de", "2015-07-14", "Bis in die Nacht wurde gestritten.", []tx{{"in die Nacht", "2015-07-13"}}},
	{"overnight idiom", "de", sun, "Das geschah über Nacht.", nil},
	// Relative days and parts of the day.
	{"today", "de", sun, "Die Regierung hat heute entschieden.", []tx{{"heute", "2017-11-12"}}},
	{"yesterday", "de", sun, "Gestern kam der Präsident an.", []tx{{"Gestern", "2017-11-11"}}},
	{"day before yesterday", "de", sun, "Vorgestern war es ruhig.", []tx{{"Vorgestern", "2017-11-10"}}},
	{"tomorrow", "de", sun, "Die Delegation reist morgen ab.", []tx{{"morgen", "2017-11-13"}}},
	{"tomorrow sentence-initial", "de", sun, "Morgen beginnt der Gipfel.", []tx{{"Morgen", "2017-11-13"}}},
	{"day after tomorrow", "de", sun, "Übermorgen wird gewählt.", []tx{{"Übermorgen", "2017-11-14"}}},
	{"in the morning is today", "de", sun, "Das Rote Kreuz meldete am Morgen 4000 Verletzte.", []tx{{"am Morgen", "2017-11-12"}}},
	{"yesterday evening", "de", sun, "Gestern Abend sprach die Kanzlerin.", []tx{{"Gestern Abend", "2017-11-11"}}},
	{"tomorrow morning", "de", sun, "Morgen früh geht es los.", []tx{{"Morgen früh", "2017-11-13"}}},
	{"evening past", "de", "2021-08-16", "Tausende sind noch am Abend zum Flughafen geeilt.", []tx{{"am Abend", "2021-08-15"}}},
	{"evening planned", "de", "2022-09-27", "Virtuelle Treffen seien am Abend geplant.", []tx{{"am Abend", "2022-09-27"}}},
	{"evening after weekday", "de", sun, "Am Freitag landete er in Hanoi. Am Abend gab es ein Bankett.", []tx{{"Am Freitag", "2017-11-10"}, {"Am Abend", "2017-11-10"}}},
	{"late morning", "de", "2015-07-14", "Seit dem frühen Vormittag ist der Weg frei.", []tx{{"frühen Vormittag", "2015-07-14"}}},
	{"midnight", "de", "2017-07-08", "Schließlich rückte die Polizei gegen Mitternacht vor.", []tx{{"gegen Mitternacht", "2017-07-07"}}},
	{"until today is a duration", "de", sun, "Der Fall ist bis heute ungeklärt.", nil},
	{"every day is a set", "de", sun, "Er joggt jeden Tag und jeden Abend.", nil},
	// Clock times.
	{"clock", "de", "2015-07-14", "Mogherini bestätigte um 11.54 Uhr die Einigung.", []tx{{"um 11.54 Uhr", "2015-07-14"}}},
	{"clock with zone", "de", sun, "Die Rede beginnt um 20 Uhr Ortszeit.", []tx{{"um 20 Uhr Ortszeit", "2017-11-12"}}},
	{"clock after weekday", "de", sun, "Am Freitag kam er an. Um 9 Uhr sprach er.", []tx{{"Am Freitag", "2017-11-10"}, {"Um 9 Uhr", "2017-11-10"}}},
	{"clock and date", "de", "2020-08-05", "Update vom 5. August, 6.36 Uhr: Die Zahl stieg.", []tx{{"vom 5. August, 6.36 Uhr", "2020-08-05"}}},
	// Weeks and weekends.
	{"last week", "de", "2020-06-25", "Der vergangene Woche zurückgetretene Chef schweigt.", []tx{{"vergangene Woche", "2020-W25"}}},
	{"previous week", "de", "2020-06-25", "Die Bilanz wurde in der Vorwoche verschoben.", []tx{{"in der Vorwoche", "2020-W25"}}},
	{"this week", "de", "2018-10-20", "Pompeo hatte in dieser Woche Riad besucht.", []tx{{"in dieser Woche", "2018-W42"}}},
	{"next week", "de", sun, "Nächste Woche wird abgestimmt.", []tx{{"Nächste Woche", "2017-W46"}}},
	{"letzte Woche", "de", sun, "Letzte Woche traf er Xi, diese Woche Abe.", []tx{{"Letzte Woche", "2017-W44"}, {"diese Woche", "2017-W45"}}},
	{"weekend same", "de", sun, "Am Wochenende twitterte Trump.", []tx{{"Am Wochenende", "2017-W45-WE"}}},
	{"weekend past from monday", "de", "2017-11-13", "Trump hat am Wochenende getwittert.", []tx{{"am Wochenende", "2017-W45-WE"}}},
	{"weekend coming", "de", "2017-11-15", "Am Wochenende soll es regnen.", []tx{{"Am Wochenende", "2017-W46-WE"}}},
	{"past weeks is a duration", "de", sun, "In den vergangenen Wochen gab es Streit.", nil},
	// Relative months and years.
	{"last year", "de", "2016-10-13", "Im vergangenen Jahr hatte die Jury anders entschieden.", []tx{{"Im vergangenen Jahr", "2015"}}},
	{"this year", "de", "2016-10-13", "In diesem Jahr waren 220 Autoren nominiert.", []tx{{"In diesem Jahr", "2016"}}},
	{"next year", "de", sun, "Nächstes Jahr wird gewählt.", []tx{{"Nächstes Jahr", "2018"}}},
	{"vergangenes Jahr", "de", sun, "Vergangenes Jahr sank der Umsatz.", []tx{{"Vergangenes Jahr", "2016"}}},
	{"heuer", "de", "2015-01-22", "Die Inflation würde heuer niedrig bleiben.", []tx{{"heuer", "2015"}}},
	{"this year's", "de", "2014-05-11", "Sie hat den diesjährigen Song Contest gewonnen.", []tx{{"diesjährigen", "2014"}}},
	{"previous year", "de", sun, "Der Umsatz lag über dem Wert im Vorjahr.", []tx{{"im Vorjahr", "2016"}}},
	{"of the year", "de", sun, "Der Ironie-Preis des Jahres geht an Trump.", []tx{{"des Jahres", "2017"}}},
	{"end of the year", "de", sun, "Bis Ende des Jahres soll das Gesetz stehen.", []tx{{"Ende des Jahres", "2017"}}},
	{"last month", "de", sun, "Vergangenen Monat stiegen die Preise.", []tx{{"Vergangenen Monat", "2017-10"}}},
	// Ago forms.
	{"weeks ago", "de", "2015-07-14", "Trotz seines Beinbruchs vor sechs Wochen reiste er.", []tx{{"vor sechs Wochen", "2015-W23"}}},
	{"almost two years ago", "de", "2015-07-14", "Begonnen hatte es vor fast zwei Jahren.", []tx{{"vor fast zwei Jahren", "2013"}}},
	{"days ago", "de", sun, "Vor drei Tagen kam er an.", []tx{{"Vor drei Tagen", "2017-11-09"}}},
	{"two years ago", "de", sun, "Vor zwei Jahren begann der Krieg.", []tx{{"Vor zwei Jahren", "2015"}}},
	{"a year ago", "de", sun, "Vor einem Jahr war alles anders.", []tx{{"Vor einem Jahr", "2016"}}},
	{"months ago digits", "de", sun, "Er ist vor 18 Monaten gekommen.", []tx{{"vor 18 Monaten", "2016-05"}}},
	{"hours before", "de", sun, "Trump sprach am Sonntag. Drei Stunden zuvor hatte er getwittert.", []tx{{"am Sonntag", "2017-11-12"}, {"Drei Stunden zuvor", "2017-11-12"}}},
	{"in two weeks", "de", sun, "In zwei Wochen wird entschieden.", []tx{{"In zwei Wochen", "2017-W47"}}},
	{"durations", "de", sun, "Er war drei Jahre lang im Amt und seit sechs Jahren in Haft; seit einiger Zeit schweigt er.", nil},
	{"before an event", "de", sun, "Zwei Tage vor der Wahl sprach er.", nil},
	{"place vor", "de", sun, "Er stand vor dem Palais Coburg.", nil},
	// Dates with a year named relative to publication, weekdays in a week.
	{"date of last year", "de", sun, "Das geschah am 18. November des vergangenen Jahres.", []tx{{"am 18. November des vergangenen Jahres", "2016-11-18"}}},
	{"month of last year", "de", sun, "Im Mai vergangenen Jahres begann der Streit.", []tx{{"Im Mai vergangenen Jahres", "2016-05"}}},
	{"weekday of this week", "de", "2000-06-13", "Für Donnerstag dieser Woche ist die Hinrichtung angesetzt.", []tx{{"Donnerstag dieser Woche", "2000-06-15"}}},
	{"weekday of last week", "de", sun, "Am Montag vergangener Woche traf er Putin.", []tx{{"Am Montag vergangener Woche", "2017-10-30"}}},
	{"since a date looks back", "de", "2015-01-22", "Seit dem 24. Februar und seit März herrscht Krieg.", []tx{{"24. Februar", "2014-02-24"}, {"März", "2014-03"}}},
	{"until a month looks ahead", "de", sun, "Das Gesetz gilt bis Ende Juni.", []tx{{"Ende Juni", "2018-06"}}},
	{"until tomorrow", "de", sun, "Die Straße ist bis morgen gesperrt.", []tx{{"morgen", "2017-11-13"}}},
	{"since a weekday", "de", "2017-11-15", "Seit Montag gilt die neue Regel.", []tx{{"Montag", "2017-11-13"}}},
	{"until a weekday", "de", sun, "Die Straße bleibt bis Freitag gesperrt.", []tx{{"Freitag", "2017-11-17"}}},
	{"later without a day", "de", sun, "Zwei Wochen später trat er zurück.", nil},
	{"lower-case morning after am", "de", sun, "Er kam am morgen an.", nil},
	// English caption in a German article is handled per paragraph by the
	// pipeline; a full date with a year is found with German rules too.
	{"english date in german text", "de", sun, "Trump in New York, U.S. September 21, 2017 und Kim.", []tx{{"September 21, 2017", "2017-09-21"}}},
}

var englishCases = []findCase{
	{"month day year", "en", sun, "Trump spoke in New York on September 21, 2017.", []tx{{"September 21, 2017", "2017-09-21"}}},
	{"day month year", "en", sun, "It happened on 12 November 2017 in Hanoi.", []tx{{"12 November 2017", "2017-11-12"}}},
	{"day month", "en", "2020-08-05", "A huge explosion hit the port on 4 August.", []tx{{"4 August", "2020-08-04"}}},
	{"abbrev month day", "en", "2018-10-20", "He entered the consulate on Oct. 2 to obtain papers.", []tx{{"Oct. 2", "2018-10-02"}}},
	{"abbrev without period", "en", sun, "North Korea tested a bomb on Sept 3, prompting sanctions.", []tx{{"Sept 3", "2017-09-03"}}},
	{"nov", "en", sun, "The summit ends Nov. 12.", []tx{{"Nov. 12", "2017-11-12"}}},
	{"ordinal suffix", "en", sun, "The vote is set for November 20th.", []tx{{"November 20th", "2017-11-20"}}},
	{"the 3rd of", "en", sun, "It was signed on the 3rd of October.", []tx{{"the 3rd of October", "2017-10-03"}}},
	{"iso", "en", sun, "Published 2017-11-12.", []tx{{"2017-11-12", "2017-11-12"}}},
	{"month", "en", sun, "In September, Kim described Trump as deranged.", []tx{{"In September", "2017-09"}}},
	{"month prospective", "en", "2016-06-24", "He announced he would step down by October.", []tx{{"October", "2016-10"}}},
	{"start of month", "en", "2016-06-24", "The party will have a new leader by the start of October.", []tx{{"the start of October", "2016-10"}}},
	{"mid month", "en", sun, "Talks resume in mid-January.", []tx{{"in mid-January", "2018-01"}}},
	{"month year", "en", sun, "Unemployment peaked in March 2009.", []tx{{"in March 2009", "2009-03"}}},
	{"may modal", "en", sun, "May I ask a question? Scotland may soon vote.", nil},
	{"may month", "en", sun, "The election was held in May.", []tx{{"in May", "2017-05"}}},
	{"year", "en", sun, "The pound fell to its lowest level since 1985.", []tx{{"1985", "1985"}}},
	{"in year", "en", sun, "Ukraine seceded from the Soviet Union in 1991.", []tx{{"in 1991", "1991"}}},
	{"year range", "en", sun, "The war lasted from 1950 to 1953.", []tx{{"1950", "1950"}, {"1953", "1953"}}},
	{"year count", "en", sun, "Some 2000 officers and 1,500 soldiers were deployed; 2000 people marched.", nil},
	{"decade", "en", sun, "Prices were lower in the 1990s.", []tx{{"in the 1990s", "199"}}},
	{"age is not a decade", "en", sun, "She is in her 20s.", nil},
	{"season", "en", sun, "The deal could be signed next summer.", []tx{{"next summer", "2018-SU"}}},
	{"season of year", "en", sun, "Prices fell in the summer of 2011.", []tx{{"in the summer of 2011", "2011-SU"}}},
	{"fall of a city", "en", sun, "After the fall of Kabul, many fled.", nil},
	{"weekday", "en", "2014-03-18", "Putin signed a treaty Tuesday to absorb Crimea.", []tx{{"Tuesday", "2014-03-18"}}},
	{"bare weekday", "en", "2021-08-15", "Sunday, the insurgents entered Kabul.", []tx{{"Sunday", "2021-08-15"}}},
	{"on weekday", "en", "2017-11-13", "Trump sent the tirade on Saturday during a visit.", []tx{{"on Saturday", "2017-11-11"}}},
	{"weekday future", "en", sun, "The leaders will meet on Tuesday.", []tx{{"on Tuesday", "2017-11-14"}}},
	{"early weekday morning", "en", "2016-06-24", "Brexit was clear by early Friday morning.", []tx{{"early Friday morning", "2016-06-24"}}},
	{"early on weekday morning", "en", "2017-07-08", "Police gained the upper hand early on Saturday morning.", []tx{{"early on Saturday morning", "2017-07-08"}}},
	{"late weekday", "en", "2022-09-27", "The pipelines lost pressure late Monday.", []tx{{"late Monday", "2022-09-26"}}},
	{"weekday night", "en", sun, "Fighting resumed Friday night.", []tx{{"Friday night", "2017-11-10"}}},
	{"last weekday", "en", sun, "He arrived last Sunday.", []tx{{"last Sunday", "2017-11-05"}}},
	{"next weekday", "en", sun, "They meet next Monday.", []tx{{"next Monday", "2017-11-13"}}},
	{"possessive weekday", "en", "2018-10-20", "Saturday’s comments marked a shift.", []tx{{"Saturday", "2018-10-20"}}},
	{"holiday", "en", sun, "Shops opened on Black Friday and the Sunday Times reported it.", nil},
	{"every", "en", sun, "They meet every Sunday.", nil},
	{"today", "en", sun, "Today we signed the deal.", []tx{{"Today", "2017-11-12"}}},
	{"yesterday", "en", "2017-11-13", "He took the jousting to a new level yesterday.", []tx{{"yesterday", "2017-11-12"}}},
	{"tomorrow", "en", sun, "The vote is tomorrow.", []tx{{"tomorrow", "2017-11-13"}}},
	{"this morning", "en", "2016-06-24", "Speaking this morning, Cameron said he would resign.", []tx{{"this morning", "2016-06-24"}}},
	{"last night", "en", sun, "Protesters gathered last night.", []tx{{"last night", "2017-11-11"}}},
	{"early morning", "en", "2015-07-14", "He spoke in an early morning news conference.", []tx{{"early morning", "2015-07-14"}}},
	{"newspaper today", "en", sun, "He told USA Today that he was leaving.", nil},
	{"last week", "en", "2017-11-13", "During the visit to Beijing last week Xi spoke.", []tx{{"last week", "2017-W45"}}},
	{"this week", "en", sun, "The bill passed this week.", []tx{{"this week", "2017-W45"}}},
	{"next week", "en", sun, "Talks continue next week.", []tx{{"next week", "2017-W46"}}},
	{"the last week is a duration", "en", sun, "Prices rose over the last week.", nil},
	{"over the weekend", "en", "2017-11-13", "Trump lashed out over the weekend.", []tx{{"over the weekend", "2017-W45-WE"}}},
	{"this weekend", "en", "2017-11-15", "Rain is expected this weekend.", []tx{{"this weekend", "2017-W46-WE"}}},
	{"last year", "en", sun, "Sales fell last year.", []tx{{"last year", "2016"}}},
	{"this year", "en", sun, "Sales will rise this year.", []tx{{"this year", "2017"}}},
	{"next year", "en", sun, "Elections are due next year.", []tx{{"next year", "2018"}}},
	{"earlier this month", "en", "2018-10-20", "Khashoggi died in Istanbul earlier this month.", []tx{{"earlier this month", "2018-10"}}},
	{"last month", "en", sun, "Exports fell last month.", []tx{{"last month", "2017-10"}}},
	{"end of the year", "en", sun, "The law takes effect at the end of the year.", []tx{{"the end of the year", "2017"}}},
	{"years ago", "en", "2021-08-15", "Western countries invaded Afghanistan 20 years ago.", []tx{{"20 years ago", "2001"}}},
	{"a week ago", "en", sun, "He left a week ago.", []tx{{"a week ago", "2017-W44"}}},
	{"months before", "en", "2017-07-08", "He arrived as a refugee some 18 months before, he said.", []tx{{"some 18 months before", "2016-01"}}},
	{"before an event", "en", sun, "Two days before the vote he resigned.", nil},
	{"in time", "en", "2016-06-24", "Cameron said he would step down in three months' time.", []tx{{"in three months' time", "2016-09"}}},
	{"in a week, told in the past", "en", sun, "The Taliban captured the country in just over a week.", nil},
	{"clock pm", "en", "2022-09-27", "The explosions came on Monday. The first blast occurred at 2:03 a.m. Swedish time, and a second at 7:04 p.m.", []tx{{"on Monday", "2022-09-26"}, {"at 2:03 a.m. Swedish time", "2022-09-26"}, {"at 7:04 p.m.", "2022-09-26"}}},
	{"clock glued", "en", sun, "The rally starts at 7pm local time.", []tx{{"at 7pm local time", "2017-11-12"}}},
	{"clock and weekday", "en", sun, "Polls will close at 8 p.m. on Tuesday, officials say.", []tx{{"at 8 p.m. on Tuesday", "2017-11-14"}}},
	{"this weekday future", "en", sun, "This Friday he returns to Washington.", []tx{{"This Friday", "2017-11-17"}}},
	{"year before plural", "en", sun, "The 2016 elections were close, and 2000 soldiers were deployed.", []tx{{"2016", "2016"}}},
	{"indefinite weekday", "en", sun, "It happened on a Sunday in April 2018.", []tx{{"in April 2018", "2018-04"}}},
	{"date of last year", "en", sun, "Safety advisers are compulsory from 1 January of last year.", []tx{{"1 January of last year", "2016-01-01"}}},
	{"weekday of next week", "en", sun, "They meet on Monday of next week.", []tx{{"on Monday of next week", "2017-11-13"}}},
	{"clause tense", "en", sun, "At 3 p.m. ET on Wednesday, the Fed will announce its decision.", []tx{{"At 3 p.m. ET on Wednesday", "2017-11-15"}}},
	{"lower-case may and march", "en", sun, "Protesters may march 10 miles.", nil},
	{"durations and sets", "en", sun, "He served for three years, every day, for several years, and has lasted for more than 10 years.", nil},
	{"someday", "en", sun, "Maybe someday that will happen, one day.", nil},
}

func runCases(t *testing.T, cases []findCase) {
	tg := newTagger(t)
	for _, tc := range cases {
		t.Run(tc.lang+"/"+tc.name, func(t *testing.T) {
			got := tg.Find(tc.text, tc.pub, tc.lang)
			var g []tx
			for _, x := range got {
				g = append(g, tx{x.Text, x.Value})
				if []rune(tc.text)[x.Start:x.End] == nil || string([]rune(tc.text)[x.Start:x.End]) != x.Text {
					t.Errorf("span %d-%d is %q, text %q", x.Start, x.End, string([]rune(tc.text)[x.Start:x.End]), x.Text)
				}
			}
			if fmt.Sprint(g) != fmt.Sprint(tc.want) {
				t.Errorf("%s\n got %v\nwant %v", tc.text, g, tc.want)
			}
		})
	}
}

func TestGerman(t *testing.T)  { runCases(t, germanCases) }
func TestEnglish(t *testing.T) { runCases(t, englishCases) }

func TestNoPublicationDate(t *testing.T) {
	tg := newTagger(t)
	got := tg.Find("Am Sonntag, im September und am 12. November 2017 sowie 1990 geschah es.", "", "de")
	want := []tx{{"am 12. November 2017", "2017-11-12"}, {"1990", "1990"}}
	var g []tx
	for _, x := range got {
		g = append(g, tx{x.Text, x.Value})
	}
	if fmt.Sprint(g) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", g, want)
	}
}

func TestOptions(t *testing.T) {
	if _, err := timex.New(timex.Options{}); !errors.Is(err, timex.ErrNoLanguage) {
		t.Errorf("no languages: %v", err)
	}
	if _, err := timex.New(timex.Options{Languages: []string{"xx"}}); err == nil {
		t.Error("unknown language accepted")
	}
	if o := timex.DefaultOptions(); strings.Join(o.Languages, ",") != "de,en" {
		t.Errorf("default languages %v", o.Languages)
	}
}

// TestParagraphLanguage runs the pipeline over a German article with an
// English caption: each paragraph is read with its own language's rules.
func TestParagraphLanguage(t *testing.T) {
	tg := newTagger(t)
	text := "Berlin (dpa) - Die Kanzlerin hat am Sonntag in Berlin gesprochen und die Lage der Regierung erläutert.\n\n" +
		"A photo shows the chancellor in Berlin on Friday. The summit will open on Tuesday in the capital.\n\n" +
		"Die Opposition hat die Rede am Montag scharf kritisiert und will im Dezember einen Antrag stellen."
	res := runPipeline(t, tg, source.Document{ID: "x", Text: text, Published: sun, PublishedSource: "metadata"})
	var g []tx
	for _, x := range res.Timex {
		g = append(g, tx{x.Text, x.Value})
	}
	want := []tx{{"am Sonntag", "2017-11-12"}, {"on Friday", "2017-11-10"}, {"on Tuesday", "2017-11-14"}, {"am Montag", "2017-11-06"}, {"im Dezember", "2017-12"}}
	if fmt.Sprint(g) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v (paragraph languages %v)", g, want, res.Paragraphs)
	}
}

func TestAnnotateCancelled(t *testing.T) {
	tg := newTagger(t)
	a, err := pipeline.New(pipeline.DefaultOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := a.Run(context.Background(), source.Document{ID: "x", Text: "Am Sonntag kam er.", Published: sun})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := tg.Annotate(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
	if err := tg.Annotate(context.Background(), d); err != nil || len(d.Result.Timex) != 1 {
		t.Errorf("annotate: %v, %v", err, d.Result.Timex)
	}
}

// TestConcurrent runs one Tagger from several goroutines; run it with
// -race to check that the Tagger is not written after New.
func TestConcurrent(t *testing.T) {
	tg := newTagger(t)
	want := fmt.Sprint(tg.Find(germanCases[0].text, germanCases[0].pub, "de"))
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			var got string
			for _, tc := range append(germanCases, englishCases...) {
				tg.Find(tc.text, tc.pub, tc.lang)
			}
			got = fmt.Sprint(tg.Find(germanCases[0].text, germanCases[0].pub, "de"))
			done <- got
		}()
	}
	for g := 0; g < 8; g++ {
		if got := <-done; got != want {
			t.Errorf("concurrent run: %s, want %s", got, want)
		}
	}
}
