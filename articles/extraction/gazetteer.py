"""General world knowledge for the extraction engine: countries, capitals, bodies, outlets, roles.

Only general knowledge lives here (no people's names). Everything is built once at import time into
dictionaries and precompiled regexes, so the look-ups are cheap enough to run on every statement.

Naming choices (canonical names):
- Named seats keep their own name, as reporting uses them: "Kremlin", "White House", "Pentagon",
  "Downing Street", "Élysée Palace".
- A capital city or a country used as an actor ("Moscow said", "Russia said") is that country's
  government: "Russian government", "US government", "UK government", "Ukrainian government".
- "Brussels" as an actor is the European Union.
- "<Surname> administration" is a US executive branch ("Biden administration"), since that is what
  news English means by it.
- Country-qualified bodies use the country's adjective: "Russian Foreign Ministry".
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ActorInfo:
    """A non-person actor the gazetteer knows: canonical name, kind, ISO country, role."""

    name: str
    kind: str  # one of types.ACTOR_KINDS
    country: str  # ISO 3166 alpha-2, "" for international bodies
    role: str


# ---------------------------------------------------------------------------------------------
# Countries: code | names (first is canonical) | demonyms (first is the adjective) | capitals/seats
# Kosovo uses the user-assigned code XK, as the EU and most data sets do.
_COUNTRY_TABLE = """
AF|Afghanistan|Afghan;Afghans|Kabul
AL|Albania|Albanian;Albanians|Tirana
DZ|Algeria|Algerian;Algerians|Algiers
AD|Andorra|Andorran|
AO|Angola|Angolan;Angolans|Luanda
AG|Antigua and Barbuda|Antiguan|
AR|Argentina|Argentine;Argentinian;Argentinean;Argentines;Argentinians|Buenos Aires
AM|Armenia|Armenian;Armenians|Yerevan
AU|Australia|Australian;Australians|Canberra
AT|Austria|Austrian;Austrians|Vienna
AZ|Azerbaijan|Azerbaijani;Azeri;Azerbaijanis;Azeris|Baku
BS|Bahamas;The Bahamas|Bahamian|Nassau
BH|Bahrain|Bahraini;Bahrainis|Manama
BD|Bangladesh|Bangladeshi;Bangladeshis|Dhaka
BB|Barbados|Barbadian|Bridgetown
BY|Belarus|Belarusian;Belarussian;Belarusians|Minsk
BE|Belgium|Belgian;Belgians|
BZ|Belize|Belizean|Belmopan
BJ|Benin|Beninese|Porto-Novo
BT|Bhutan|Bhutanese|Thimphu
BO|Bolivia|Bolivian;Bolivians|La Paz
BA|Bosnia and Herzegovina;Bosnia-Herzegovina;Bosnia|Bosnian;Bosnians|Sarajevo
BW|Botswana|Botswanan;Motswana|Gaborone
BR|Brazil|Brazilian;Brazilians|Brasilia;Brasília
BN|Brunei|Bruneian|
BG|Bulgaria|Bulgarian;Bulgarians|
BF|Burkina Faso|Burkinabe;Burkinabè|Ouagadougou
BI|Burundi|Burundian;Burundians|Gitega
CV|Cape Verde;Cabo Verde|Cape Verdean|Praia
KH|Cambodia|Cambodian;Cambodians|Phnom Penh
CM|Cameroon|Cameroonian;Cameroonians|Yaounde;Yaoundé
CA|Canada|Canadian;Canadians|Ottawa
CF|Central African Republic|Central African|Bangui
TD|Chad|Chadian;Chadians|N'Djamena
CL|Chile|Chilean;Chileans|Santiago
CN|China;People's Republic of China;PRC|Chinese|Beijing;Zhongnanhai
CO|Colombia|Colombian;Colombians|Bogota;Bogotá
KM|Comoros|Comoran;Comorian|Moroni
CG|Republic of the Congo;Congo-Brazzaville|Congolese|Brazzaville
CD|Democratic Republic of the Congo;DR Congo;DRC;Congo-Kinshasa;Congo||Kinshasa
CR|Costa Rica|Costa Rican;Costa Ricans|San Jose;San José
CI|Ivory Coast;Côte d'Ivoire;Cote d'Ivoire|Ivorian;Ivorians|Yamoussoukro;Abidjan
HR|Croatia|Croatian;Croat;Croatians;Croats|Zagreb
CU|Cuba|Cuban;Cubans|Havana
CY|Cyprus|Cypriot;Cypriots|Nicosia
CZ|Czech Republic;Czechia|Czech;Czechs|Prague
DK|Denmark|Danish;Dane;Danes|Copenhagen
DJ|Djibouti|Djiboutian|
DM|Dominica|Dominican|Roseau
DO|Dominican Republic||Santo Domingo
EC|Ecuador|Ecuadorian;Ecuadorean;Ecuadorians|Quito
EG|Egypt|Egyptian;Egyptians|Cairo
SV|El Salvador|Salvadoran;Salvadorean;Salvadorans|San Salvador
GQ|Equatorial Guinea|Equatoguinean;Equatorial Guinean|Malabo
ER|Eritrea|Eritrean;Eritreans|Asmara
EE|Estonia|Estonian;Estonians|Tallinn
SZ|Eswatini;Swaziland|Swazi;Emaswati|Mbabane
ET|Ethiopia|Ethiopian;Ethiopians|Addis Ababa
FJ|Fiji|Fijian;Fijians|Suva
FI|Finland|Finnish;Finns|Helsinki
FR|France|French|Paris;Élysée;Elysee;Élysée Palace;Elysee Palace;Quai d'Orsay
GA|Gabon|Gabonese|Libreville
GM|Gambia;The Gambia|Gambian;Gambians|Banjul
GE|Georgia|Georgian;Georgians|Tbilisi
DE|Germany|German;Germans|Berlin
GH|Ghana|Ghanaian;Ghanaians|Accra
GR|Greece|Greek;Greeks|Athens
GD|Grenada|Grenadian|
GT|Guatemala|Guatemalan;Guatemalans|Guatemala City
GN|Guinea|Guinean;Guineans|Conakry
GW|Guinea-Bissau|Bissau-Guinean|Bissau
GY|Guyana|Guyanese|Georgetown
HT|Haiti|Haitian;Haitians|Port-au-Prince
HN|Honduras|Honduran;Hondurans|Tegucigalpa
HU|Hungary|Hungarian;Hungarians|Budapest
IS|Iceland|Icelandic;Icelander;Icelanders|Reykjavik;Reykjavík
IN|India|Indian;Indians|New Delhi;Delhi
ID|Indonesia|Indonesian;Indonesians|Jakarta
IR|Iran;Islamic Republic of Iran|Iranian;Iranians|Tehran;Teheran
IQ|Iraq|Iraqi;Iraqis|Baghdad
IE|Ireland;Republic of Ireland|Irish|Dublin
IL|Israel|Israeli;Israelis|Jerusalem
IT|Italy|Italian;Italians|Rome;Palazzo Chigi
JM|Jamaica|Jamaican;Jamaicans|Kingston
JP|Japan|Japanese|Tokyo
JO|Jordan|Jordanian;Jordanians|Amman
KZ|Kazakhstan|Kazakh;Kazakhstani;Kazakhs|Astana;Nur-Sultan
KE|Kenya|Kenyan;Kenyans|Nairobi
KI|Kiribati|I-Kiribati|Tarawa
KP|North Korea;DPRK;Democratic People's Republic of Korea|North Korean;North Koreans|Pyongyang
KR|South Korea;Republic of Korea;ROK|South Korean;South Koreans|Seoul;Blue House
KW|Kuwait|Kuwaiti;Kuwaitis|Kuwait City
KG|Kyrgyzstan|Kyrgyz;Kyrgyzstani|Bishkek
LA|Laos|Lao;Laotian|Vientiane
LV|Latvia|Latvian;Latvians|Riga
LB|Lebanon|Lebanese|Beirut
LS|Lesotho|Basotho;Mosotho|Maseru
LR|Liberia|Liberian;Liberians|Monrovia
LY|Libya|Libyan;Libyans|Tripoli
LI|Liechtenstein|Liechtensteiner|Vaduz
LT|Lithuania|Lithuanian;Lithuanians|Vilnius
LU|Luxembourg|Luxembourger;Luxembourgish|
MG|Madagascar|Malagasy|Antananarivo
MW|Malawi|Malawian;Malawians|Lilongwe
MY|Malaysia|Malaysian;Malaysians|Kuala Lumpur
MV|Maldives|Maldivian;Maldivians|Malé
ML|Mali|Malian;Malians|Bamako
MT|Malta|Maltese|Valletta
MH|Marshall Islands|Marshallese|Majuro
MR|Mauritania|Mauritanian;Mauritanians|Nouakchott
MU|Mauritius|Mauritian;Mauritians|Port Louis
MX|Mexico|Mexican;Mexicans|Mexico City
FM|Micronesia;Federated States of Micronesia|Micronesian|Palikir
MD|Moldova|Moldovan;Moldovans|Chisinau;Chișinău
MC|Monaco|Monegasque|
MN|Mongolia|Mongolian;Mongolians|Ulaanbaatar;Ulan Bator
ME|Montenegro|Montenegrin;Montenegrins|Podgorica
MA|Morocco|Moroccan;Moroccans|Rabat
MZ|Mozambique|Mozambican;Mozambicans|Maputo
MM|Myanmar;Burma|Burmese;Myanmar's|Naypyidaw;Naypyitaw
NA|Namibia|Namibian;Namibians|Windhoek
NR|Nauru|Nauruan|
NP|Nepal|Nepalese;Nepali|Kathmandu
NL|Netherlands;The Netherlands;Holland|Dutch|Amsterdam;The Hague
NZ|New Zealand|New Zealander;New Zealanders|Wellington
NI|Nicaragua|Nicaraguan;Nicaraguans|Managua
NE|Niger|Nigerien;Nigeriens|Niamey
NG|Nigeria|Nigerian;Nigerians|Abuja
MK|North Macedonia;Macedonia|Macedonian;North Macedonian|Skopje
NO|Norway|Norwegian;Norwegians|Oslo
OM|Oman|Omani;Omanis|Muscat
PK|Pakistan|Pakistani;Pakistanis|Islamabad
PW|Palau|Palauan|Ngerulmud
PS|Palestine;State of Palestine;Palestinian Territories;Palestinian Authority|Palestinian;Palestinians|Ramallah
PA|Panama|Panamanian;Panamanians|Panama City
PG|Papua New Guinea|Papua New Guinean|Port Moresby
PY|Paraguay|Paraguayan;Paraguayans|Asuncion;Asunción
PE|Peru|Peruvian;Peruvians|Lima
PH|Philippines;The Philippines|Philippine;Filipino;Filipinos|Manila
PL|Poland|Polish;Pole;Poles|Warsaw
PT|Portugal|Portuguese|Lisbon
QA|Qatar|Qatari;Qataris|Doha
RO|Romania|Romanian;Romanians|Bucharest
RU|Russia;Russian Federation|Russian;Russians|Moscow;Kremlin
RW|Rwanda|Rwandan;Rwandans|Kigali
KN|Saint Kitts and Nevis|Kittitian|Basseterre
LC|Saint Lucia|Saint Lucian|Castries
VC|Saint Vincent and the Grenadines|Vincentian|Kingstown
WS|Samoa|Samoan;Samoans|Apia
SM|San Marino|Sammarinese|
ST|Sao Tome and Principe;São Tomé and Príncipe|Santomean|
SA|Saudi Arabia|Saudi;Saudis;Saudi Arabian|Riyadh
SN|Senegal|Senegalese|Dakar
RS|Serbia|Serbian;Serb;Serbs;Serbians|Belgrade
SC|Seychelles|Seychellois|
SL|Sierra Leone|Sierra Leonean|Freetown
SG|Singapore|Singaporean;Singaporeans|
SK|Slovakia|Slovak;Slovakian;Slovaks|Bratislava
SI|Slovenia|Slovenian;Slovene;Slovenians|Ljubljana
SB|Solomon Islands|Solomon Islander|Honiara
SO|Somalia|Somali;Somalis;Somalian|Mogadishu
ZA|South Africa|South African;South Africans|Pretoria;Cape Town
SS|South Sudan|South Sudanese|Juba
ES|Spain|Spanish;Spaniard;Spaniards|Madrid;Moncloa
LK|Sri Lanka|Sri Lankan;Sri Lankans|Colombo
SD|Sudan|Sudanese|Khartoum
SR|Suriname|Surinamese|Paramaribo
SE|Sweden|Swedish;Swede;Swedes|Stockholm
CH|Switzerland|Swiss|Bern;Berne
SY|Syria|Syrian;Syrians|Damascus
TJ|Tajikistan|Tajik;Tajikistani;Tajiks|Dushanbe
TZ|Tanzania|Tanzanian;Tanzanians|Dodoma
TH|Thailand|Thai;Thais|Bangkok
TL|Timor-Leste;East Timor|Timorese|Dili
TG|Togo|Togolese|Lome;Lomé
TO|Tonga|Tongan|Nuku'alofa
TT|Trinidad and Tobago|Trinidadian|Port of Spain
TN|Tunisia|Tunisian;Tunisians|Tunis
TR|Turkey;Türkiye;Turkiye|Turkish;Turk;Turks|Ankara
TM|Turkmenistan|Turkmen|Ashgabat
TV|Tuvalu|Tuvaluan|Funafuti
UG|Uganda|Ugandan;Ugandans|Kampala
UA|Ukraine|Ukrainian;Ukrainians|Kyiv;Kiev;Bankova
AE|United Arab Emirates;UAE;Emirates|Emirati;Emiratis|Abu Dhabi
GB|United Kingdom;UK;U.K.;Britain;Great Britain|British;Briton;Britons;Brits|London;Downing Street;Whitehall
US|United States;United States of America;US;U.S.;USA;U.S.A.;America|American;Americans|Washington;Washington D.C.;Washington DC;White House;Pentagon
UY|Uruguay|Uruguayan;Uruguayans|Montevideo
UZ|Uzbekistan|Uzbek;Uzbekistani;Uzbeks|Tashkent
VU|Vanuatu|Ni-Vanuatu;Vanuatuan|Port Vila
VE|Venezuela|Venezuelan;Venezuelans|Caracas
VN|Vietnam;Viet Nam|Vietnamese|Hanoi
YE|Yemen|Yemeni;Yemenis|Sanaa;Sana'a
ZM|Zambia|Zambian;Zambians|Lusaka
ZW|Zimbabwe|Zimbabwean;Zimbabweans|Harare
TW|Taiwan;Republic of China|Taiwanese|Taipei
XK|Kosovo|Kosovar;Kosovan;Kosovars|Pristina
VA|Vatican;Holy See;Vatican City|Vatican|
"""

# Short forms that are also ordinary words ("us", "who") count only when written in capitals.
_UPPERCASE_ONLY = {"US", "UK", "USA", "UAE", "DRC", "PRC", "DPRK", "ROK", "U.S.", "U.K.", "U.S.A."}

_UPPERCASE_ONLY_COMPACT = {f.replace(".", "") for f in _UPPERCASE_ONLY}
_COMMON_WORD_NAMES = {"chad", "turkey", "china", "jordan", "georgia", "guinea", "japan", "pole", "poles", "lima", "santiago"}

# Names that need "the" in running text: "President of the United States".
_NEEDS_THE = {"US", "GB", "NL", "PH", "CZ", "CF", "DO", "AE", "BS", "GM", "CD", "CG", "MV", "MH", "SB", "KM", "SC"}

COUNTRY_NAMES: dict[str, str] = {}  # code -> canonical short name
COUNTRY_ADJECTIVES: dict[str, str] = {}  # code -> adjective ("Russian")
_COUNTRY_KEYS: dict[str, str] = {}  # normalised name/demonym/capital -> code
_MENTION_FORMS: dict[str, str] = {}  # surface form as written -> code (for scanning text)

for _line in _COUNTRY_TABLE.strip().splitlines():
    _code, _names, _demonyms, _capitals = _line.split("|")
    _name_list = [n for n in _names.split(";") if n]
    _demonym_list = [d for d in _demonyms.split(";") if d]
    _capital_list = [c for c in _capitals.split(";") if c]
    COUNTRY_NAMES[_code] = _name_list[0]
    COUNTRY_ADJECTIVES[_code] = _demonym_list[0] if _demonym_list else _name_list[0]
    for _form in _name_list + _demonym_list + _capital_list:
        _MENTION_FORMS[_form] = _code
COUNTRY_ADJECTIVES["US"] = "US"  # "US government", "US ambassador": how reporting writes it
COUNTRY_NAMES["US"] = "United States"
COUNTRY_NAMES["GB"] = "United Kingdom"


def trie_pattern(words) -> str:
    """One regex alternation for many literal words, shaped as a trie ("Guinea|Guinea-Bissau" ->
    "Guinea(?:-Bissau)?"), so that the regex engine follows one branch per character instead of trying
    every word at every position. Longer words win, as with a longest-first alternation."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends_here else body

    return build(trie)


def _fold(text: str) -> str:
    """Case-fold and unify the punctuation variants news text uses."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return " ".join(text.split()).lower()


def _strip_article_and_possessive(text: str) -> str:
    """ "the Kremlin's" -> "Kremlin"; keeps the dots of abbreviations such as "U.S."."""
    text = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"(?:'s|')$", "", text)
    text = text.strip(" ,;:")
    if text.endswith(".") and not re.search(r"(?:^|\.)[A-Za-z]\.$", text):
        text = text[:-1]  # a sentence full stop, not the dot of "U.S."
    return text


for _form, _code in _MENTION_FORMS.items():
    _COUNTRY_KEYS[_fold(_form).replace(".", "")] = _code

# Scanning regex: longest forms first so "Guinea-Bissau" wins over "Guinea". Case-sensitive on purpose:
# "turkey", "china" and "chad" in lower case are not countries.
_MENTION_RE = re.compile(r"(?<![\w])(" + trie_pattern(_MENTION_FORMS) + r")(?![\w])")
# Names that are also given names: not a country when a capitalised word comes right before.
_GIVEN_NAME_LIKE = {
    "Jordan", "Chad", "Georgia", "Israel", "Kingston", "Lima", "Santiago", "Paris", "Washington", "Cuban",
    "America",  # "North America", "Latin America"
}
_NOT_US_PREFIX = re.compile(r"(?:Latin|South|North|Central|Native|African|Asian)[ -]$")


def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """Every country named in `text` by name, short form, demonym, capital or seat: (start, end, code)."""
    found = []
    for match in _MENTION_RE.finditer(text):
        form = match.group(1)
        before = text[max(0, match.start() - 12) : match.start()]
        if form in _GIVEN_NAME_LIKE and re.search(r"[A-Z][a-z]+\.? $", before) and not re.search(
            r"(?:^|[.!?]\s+)(?:The|In|From|To|With|And|But|For)\s$", before
        ):
            continue
        if form.startswith("America") and _NOT_US_PREFIX.search(before):
            continue
        if form == "Washington" and re.match(r"\s+(?:Post|Times|Examiner|state)\b", text[match.end() :]):
            continue
        found.append((match.start(), match.end(), _MENTION_FORMS[form]))
    return found


def country_of(text: str) -> str | None:
    """ISO 3166 alpha-2 code for a country name, short form, demonym, possessive or capital.

    "Russian" -> "RU", "Russia's" -> "RU", "the U.S." -> "US", "Kiev" -> "UA". When `text` is longer than
    one such name ("Russian Foreign Ministry"), the first country it names. None when it names none.
    """
    if not text:
        return None
    stripped = _strip_article_and_possessive(text.strip())
    key = _fold(stripped).replace(".", "")
    code = _COUNTRY_KEYS.get(key)
    if code is not None:
        compact = stripped.replace(".", "")
        if compact.upper() in _UPPERCASE_ONLY_COMPACT and not compact.isupper():
            return None  # "us" the pronoun
        if compact.islower() and key in _COMMON_WORD_NAMES:
            return None  # "turkey", "china", "chad" in lower case are words
        return code
    mentions = country_mentions(text)
    return mentions[0][2] if mentions else None


# ---------------------------------------------------------------------------------------------
# Actors that are not people.

# name | kind | country | role | aliases (";"-separated; matched case-insensitively, "the" optional)
_ACTOR_TABLE = """
Kremlin|government|RU|Russian presidential administration|Kremlin
White House|government|US|US presidential administration|White House
Pentagon|government|US|US Department of Defense|Pentagon;Department of Defense;US Department of Defense;Defense Department;US Defense Department
State Department|government|US|US foreign ministry|State Department;US State Department;Department of State;US Department of State;Foggy Bottom
Downing Street|government|GB|UK prime minister's office|Downing Street;Number 10;No 10;No. 10;Number Ten
Foreign Office|government|GB|UK foreign ministry|Foreign Office;Foreign, Commonwealth and Development Office;FCDO;British Foreign Office;UK Foreign Office
Élysée Palace|government|FR|French presidency|Élysée;Elysee;Élysée Palace;Elysee Palace
Quai d'Orsay|government|FR|French foreign ministry|Quai d'Orsay
Zhongnanhai|government|CN|Chinese leadership compound|Zhongnanhai
Blue House|government|KR|South Korean presidential office|Blue House
Palazzo Chigi|government|IT|Italian prime minister's office|Palazzo Chigi
Moncloa Palace|government|ES|Spanish prime minister's office|Moncloa;Moncloa Palace
Office of the President of Ukraine|government|UA|Ukrainian presidential administration|Office of the President of Ukraine;Ukrainian Presidential Office;Bankova;President's Office
National Security Council|government|US|US National Security Council|National Security Council;NSC;US National Security Council
Joint Chiefs of Staff|government|US|US military leadership|Joint Chiefs of Staff;Joint Chiefs
Congress|government|US|US legislature|Congress;US Congress;U.S. Congress
US Senate|government|US|upper house of the US Congress|Senate;US Senate;U.S. Senate
State Duma|government|RU|lower house of the Russian parliament|State Duma;Duma;Russian Duma
Federation Council|government|RU|upper house of the Russian parliament|Federation Council
Verkhovna Rada|government|UA|Ukrainian parliament|Verkhovna Rada;Rada;Ukrainian parliament
Bundestag|government|DE|German parliament|Bundestag
Knesset|government|IL|Israeli parliament|Knesset
CIA|government|US|US foreign intelligence agency|CIA;Central Intelligence Agency
FBI|government|US|US federal police|FBI;Federal Bureau of Investigation
FSB|government|RU|Russian security service|FSB;Federal Security Service
SVR|government|RU|Russian foreign intelligence service|SVR;Foreign Intelligence Service
GRU|government|RU|Russian military intelligence|GRU
SBU|government|UA|Security Service of Ukraine|SBU;Security Service of Ukraine
MI6|government|GB|UK foreign intelligence service|MI6;Secret Intelligence Service
Mossad|government|IL|Israeli foreign intelligence agency|Mossad
United Nations|organisation||international organisation|United Nations;UN;U.N.
UN Security Council|organisation||UN body for international peace and security|UN Security Council;U.N. Security Council;United Nations Security Council;UNSC;Security Council
UN General Assembly|organisation||UN plenary body|UN General Assembly;U.N. General Assembly;United Nations General Assembly;UNGA;General Assembly
UN Human Rights Council|organisation||UN human rights body|UN Human Rights Council;Human Rights Council;UNHRC
NATO|organisation||military alliance|NATO;Nato;North Atlantic Treaty Organization;North Atlantic Treaty Organisation;North Atlantic Alliance
European Union|organisation||political and economic union|European Union;EU;E.U.;Brussels
European Commission|organisation||EU executive|European Commission;EU Commission
European Council|organisation||EU heads of government|European Council
European Parliament|organisation||EU legislature|European Parliament
Council of Europe|organisation||human rights organisation|Council of Europe
OSCE|organisation||Organization for Security and Co-operation in Europe|OSCE;Organization for Security and Co-operation in Europe;Organization for Security and Cooperation in Europe
IAEA|organisation||UN nuclear watchdog|IAEA;International Atomic Energy Agency
World Health Organization|organisation||UN health agency|WHO;World Health Organization;World Health Organisation
International Criminal Court|organisation||international criminal court|ICC;International Criminal Court
International Court of Justice|organisation||UN court|ICJ;International Court of Justice;World Court
G7|organisation||group of seven major economies|G7;G-7;Group of Seven
G20|organisation||group of twenty major economies|G20;G-20;Group of Twenty
African Union|organisation||union of African states|African Union;AU
ASEAN|organisation||Association of Southeast Asian Nations|ASEAN;Association of Southeast Asian Nations
Arab League|organisation||League of Arab States|Arab League;League of Arab States
Gulf Cooperation Council|organisation||Gulf states' union|Gulf Cooperation Council;GCC
Organization of American States|organisation||American states' organisation|Organization of American States;OAS
Shanghai Cooperation Organisation|organisation||Eurasian security organisation|Shanghai Cooperation Organisation;Shanghai Cooperation Organization;SCO
CSTO|organisation||Russian-led military alliance|CSTO;Collective Security Treaty Organization
BRICS|organisation||group of emerging economies|BRICS
OPEC|organisation||oil exporters' cartel|OPEC;OPEC+
International Monetary Fund|organisation||international lender|IMF;International Monetary Fund
World Bank|organisation||international lender|World Bank
World Trade Organization|organisation||trade body|WTO;World Trade Organization
International Committee of the Red Cross|organisation||humanitarian organisation|ICRC;International Committee of the Red Cross;Red Cross
UNHCR|organisation||UN refugee agency|UNHCR;UN refugee agency
UNICEF|organisation||UN children's agency|UNICEF
UNESCO|organisation||UN cultural agency|UNESCO
UNRWA|organisation||UN agency for Palestinian refugees|UNRWA
OPCW|organisation||chemical weapons watchdog|OPCW;Organisation for the Prohibition of Chemical Weapons
Interpol|organisation||international police organisation|Interpol
Commonwealth|organisation||association of former British territories|Commonwealth;Commonwealth of Nations
Hamas|other|PS|Palestinian militant group|Hamas
Hezbollah|other|LB|Lebanese militant group|Hezbollah;Hizbollah
Taliban|other|AF|Afghan movement|Taliban
"""

# Media: name | country | role | aliases
_MEDIA_TABLE = """
TASS|RU|Russian state news agency|TASS;Tass;ITAR-TASS;ITAR-Tass
RIA Novosti|RU|Russian state news agency|RIA Novosti;RIA-Novosti;RIA
Interfax|RU|Russian news agency|Interfax
Sputnik|RU|Russian state media|Sputnik;Sputnik News
RT|RU|Russian state broadcaster|RT;Russia Today
Kommersant|RU|Russian newspaper|Kommersant
Izvestia|RU|Russian newspaper|Izvestia;Izvestiya
Novaya Gazeta|RU|Russian newspaper|Novaya Gazeta
Meduza|RU|Russian-language news outlet|Meduza
BBC|GB|British public broadcaster|BBC;BBC News;British Broadcasting Corporation;BBC World Service
Reuters|GB|news agency|Reuters;Thomson Reuters
Associated Press|US|US news agency|AP;Associated Press;The Associated Press
AFP|FR|French news agency|AFP;Agence France-Presse;Agence France Presse
POLITICO|US|US news outlet|POLITICO;Politico
CNN|US|US broadcaster|CNN
Fox News|US|US broadcaster|Fox News;Fox
NBC News|US|US broadcaster|NBC News;NBC
ABC News|US|US broadcaster|ABC News
CBS News|US|US broadcaster|CBS News;CBS
MSNBC|US|US broadcaster|MSNBC
NPR|US|US public radio|NPR;National Public Radio
PBS|US|US public broadcaster|PBS
The New York Times|US|US newspaper|The New York Times;New York Times;NYT;NY Times
The Wall Street Journal|US|US newspaper|The Wall Street Journal;Wall Street Journal;WSJ
The Washington Post|US|US newspaper|The Washington Post;Washington Post
USA Today|US|US newspaper|USA Today
Bloomberg|US|US news agency|Bloomberg;Bloomberg News
Axios|US|US news outlet|Axios
The Hill|US|US news outlet|The Hill
Newsweek|US|US magazine|Newsweek
The Atlantic|US|US magazine|The Atlantic
Semafor|US|US news outlet|Semafor
Voice of America|US|US state broadcaster|Voice of America;VOA
Radio Free Europe/Radio Liberty|US|US-funded broadcaster|Radio Free Europe/Radio Liberty;Radio Free Europe;RFE/RL;Radio Liberty
Antiwar.com|US|US news website|Antiwar.com
The Guardian|GB|British newspaper|The Guardian;Guardian
Financial Times|GB|British newspaper|Financial Times;The Financial Times;FT
The Times|GB|British newspaper|The Times of London;The Times;Times of London
The Telegraph|GB|British newspaper|The Telegraph;Daily Telegraph;The Daily Telegraph
The Economist|GB|British magazine|The Economist;Economist
Sky News|GB|British broadcaster|Sky News
The Independent|GB|British newspaper|The Independent
Al Jazeera|QA|Qatari broadcaster|Al Jazeera;Al-Jazeera;Aljazeera
Al Arabiya|SA|Saudi broadcaster|Al Arabiya;Al-Arabiya
Xinhua|CN|Chinese state news agency|Xinhua;Xinhua News Agency
Global Times|CN|Chinese state newspaper|Global Times
CGTN|CN|Chinese state broadcaster|CGTN
China Daily|CN|Chinese state newspaper|China Daily
South China Morning Post|HK|Hong Kong newspaper|South China Morning Post;SCMP
Ukrinform|UA|Ukrainian state news agency|Ukrinform
Kyiv Independent|UA|Ukrainian news outlet|Kyiv Independent;The Kyiv Independent
Kyiv Post|UA|Ukrainian newspaper|Kyiv Post;The Kyiv Post
Ukrainska Pravda|UA|Ukrainian news outlet|Ukrainska Pravda
UNIAN|UA|Ukrainian news agency|UNIAN
Der Spiegel|DE|German magazine|Der Spiegel;Spiegel
Die Zeit|DE|German newspaper|Die Zeit;Zeit
Bild|DE|German newspaper|Bild
Frankfurter Allgemeine Zeitung|DE|German newspaper|Frankfurter Allgemeine Zeitung;Frankfurter Allgemeine;FAZ
Deutsche Welle|DE|German public broadcaster|Deutsche Welle;DW
Le Monde|FR|French newspaper|Le Monde
Le Figaro|FR|French newspaper|Le Figaro
France 24|FR|French broadcaster|France 24
Euronews|FR|European broadcaster|Euronews
El País|ES|Spanish newspaper|El País;El Pais
Corriere della Sera|IT|Italian newspaper|Corriere della Sera
ANSA|IT|Italian news agency|ANSA
NHK|JP|Japanese public broadcaster|NHK
Kyodo|JP|Japanese news agency|Kyodo;Kyodo News
Nikkei|JP|Japanese newspaper|Nikkei;Nikkei Asia
Yonhap|KR|South Korean news agency|Yonhap
Anadolu Agency|TR|Turkish state news agency|Anadolu Agency;Anadolu
IRNA|IR|Iranian state news agency|IRNA
Press TV|IR|Iranian state broadcaster|Press TV
Tasnim|IR|Iranian news agency|Tasnim
Haaretz|IL|Israeli newspaper|Haaretz
The Times of Israel|IL|Israeli news outlet|The Times of Israel;Times of Israel
The Jerusalem Post|IL|Israeli newspaper|The Jerusalem Post;Jerusalem Post
The Hindu|IN|Indian newspaper|The Hindu
Times of India|IN|Indian newspaper|Times of India;The Times of India
"""


def _key(text: str) -> str:
    """Look-up key: case-folded, "the" and dots dropped, possessive dropped."""
    return _fold(_strip_article_and_possessive(text)).replace(".", "")


_ACTORS: dict[str, ActorInfo] = {}
_MEDIA: dict[str, ActorInfo] = {}
_UPPERCASE_ONLY_KEYS = {"who", "au", "ap", "rt", "ft", "nsc", "sco", "gru", "svr", "fsb", "icc", "icj", "dw", "fox", "ria"}

for _line in _ACTOR_TABLE.strip().splitlines():
    _name, _kind, _country, _role, _aliases = _line.split("|")
    _info = ActorInfo(_name, _kind, _country, _role)
    for _alias in _aliases.split(";"):
        _ACTORS[_key(_alias)] = _info

_MEDIA_FORMS: dict[str, str] = {}  # surface form -> canonical name, for scanning text
for _line in _MEDIA_TABLE.strip().splitlines():
    _name, _country, _role, _aliases = _line.split("|")
    _info = ActorInfo(_name, "media", _country, _role)
    for _alias in _aliases.split(";"):
        _MEDIA[_key(_alias)] = _info
        _MEDIA_FORMS[_alias] = _name

# Case-sensitive scan for outlets inside longer text ("according to Tass").
MEDIA_RE = re.compile(r"(?<![\w])(" + trie_pattern(_MEDIA_FORMS) + r")(?![\w])")


# Names that are also ordinary words count only when capitalised: "the Guardian", not "a guardian".
_CAPITALISED_ONLY_KEYS = {
    "times", "guardian", "independent", "hill", "atlantic", "economist", "telegraph", "commonwealth", "congress",
    "senate", "duma", "rada", "pentagon", "bild", "spiegel", "zeit", "fox", "sputnik", "meduza", "time",
}


def _case_ok(key: str, original: str) -> bool:
    """Acronyms that are also words ("who", "ap", "fox") only count in capitals or their usual form."""
    if key in _CAPITALISED_ONLY_KEYS:
        core = _strip_article_and_possessive(original)
        return core[:1].isupper()
    if key not in _UPPERCASE_ONLY_KEYS:
        return True
    core = _strip_article_and_possessive(original).replace(".", "")
    return core.isupper() or core[:1].isupper() and key in {"fox", "ria"}


def government_of(code: str) -> ActorInfo:
    """The government of a country as an actor: "RU" -> ActorInfo("Russian government", ...)."""
    adjective = {"GB": "UK"}.get(code, COUNTRY_ADJECTIVES.get(code, code))
    name = COUNTRY_NAMES.get(code, code)
    if code in _NEEDS_THE:
        name = "the " + name
    return ActorInfo(f"{adjective} government", "government", code, f"government of {name}")


# Bodies a country qualifier can attach to: "the Russian Foreign Ministry", "Ukraine's Defence Ministry".
_BODY_PATTERNS = [
    (r"foreign ministry|ministry of foreign affairs|foreign affairs ministry|mfa", "Foreign Ministry", "foreign ministry"),
    (r"defen[cs]e ministry|ministry of defen[cs]e|defen[cs]e department", "Defence Ministry", "defence ministry"),
    (r"interior ministry|ministry of (?:the )?interior|ministry of internal affairs", "Interior Ministry", "interior ministry"),
    (r"(?:[a-z]+ )?ministry|ministry of [a-z ]+", None, "ministry"),
    (r"government|authorities|cabinet|administration|side|leadership|regime", "government", "government"),
    (r"security council", "Security Council", "national security council"),
    (r"general staff", "General Staff", "military command"),
    (r"military|army|armed forces|defen[cs]e forces", "military", "armed forces"),
    (r"parliament|legislature", "parliament", "legislature"),
    (r"embassy(?: in [a-z .]+)?", "Embassy", "embassy"),
    (r"presidency|presidential office|president's office|presidential administration", "presidential office", "presidential office"),
    (r"delegation|negotiators|negotiating team", "delegation", "negotiating delegation"),
]
_BODY_RE = re.compile(r"^(?:" + "|".join(f"({p})" for p, _, _ in _BODY_PATTERNS) + r")$")
_ADMINISTRATION_RE = re.compile(r"^(?:the\s+)?([A-Z][a-zA-Z'\-]+)\s+administration$")
_OF_COUNTRY_RE = re.compile(r"^(.+)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def _split_country_qualifier(text: str) -> tuple[str | None, str]:
    """("RU", "foreign ministry") from "Russian Foreign Ministry" / "Russia's foreign ministry" /
    "foreign ministry of Russia"; (None, text) when no country qualifies it."""
    clean = " ".join(text.replace("\u2019", "'").split())
    clean = re.sub(r"^(?:the|The)\s+", "", clean)
    mentions = country_mentions(clean)
    if mentions and mentions[0][0] == 0:
        start, end, code = mentions[0]
        rest = re.sub(r"^(?:'s|')?\s*", "", clean[end:])
        return code, rest
    match = _OF_COUNTRY_RE.match(clean)
    if match:
        code = country_of(match.group(2))
        if code and _key(match.group(2)) in _COUNTRY_KEYS:
            return code, match.group(1)
    return None, clean


def lookup_actor(text: str) -> ActorInfo | None:
    """The non-person actor `text` names, or None.

    Case- and article-insensitive: "the Kremlin", "NATO", "the Biden administration", "Moscow" (a capital
    standing for its government), "Russia", "the Russian Foreign Ministry", "Russia's TASS news agency".
    """
    if not text or not text.strip():
        return None
    key = _key(text)
    info = _ACTORS.get(key)
    if info is not None and _case_ok(key, text):
        return info
    outlet = _media_info(text)
    if outlet is not None:
        return outlet
    administration = _ADMINISTRATION_RE.match(text.strip())
    if administration and administration.group(1).lower() not in {"the", "this", "that", "previous", "new", "current"}:
        if country_of(administration.group(1)) is None:
            return ActorInfo(f"{administration.group(1)} administration", "government", "US", "US executive branch")
    # A country, or a capital standing for its government.
    if key in _COUNTRY_KEYS and _strip_article_and_possessive(text.strip())[:1].isupper() and country_of(text):
        code = _COUNTRY_KEYS[key]
        # Demonyms alone ("Russian") are adjectives, not actors; plural demonyms are people.
        stripped = _strip_article_and_possessive(text.strip())
        if is_demonym(stripped):
            return None
        return government_of(code)
    code, rest = _split_country_qualifier(text)
    if code is not None and rest:
        body = _BODY_RE.match(rest.lower())
        if body:
            for index, (_, canonical, role) in enumerate(_BODY_PATTERNS, start=1):
                if body.group(index):
                    if canonical == "government":
                        return government_of(code)
                    adjective = {"GB": "UK"}.get(code, COUNTRY_ADJECTIVES[code])
                    label = canonical or rest.strip().title().replace("Of ", "of ")
                    return ActorInfo(f"{adjective} {label}", "government", code, f"{role} of {COUNTRY_NAMES[code]}")
        inner = _ACTORS.get(_key(rest))
        if inner is not None and inner.kind == "government" and inner.country in ("", code):
            return inner
    if code is None:
        body = _BODY_RE.match(key)
        if body:
            for index, (_, canonical, role) in enumerate(_BODY_PATTERNS, start=1):
                if body.group(index) and canonical in ("Foreign Ministry", "Defence Ministry", "Interior Ministry"):
                    return ActorInfo(canonical, "government", "", role)
    return None


_DEMONYM_FORMS = set()
for _line in _COUNTRY_TABLE.strip().splitlines():
    for _d in _line.split("|")[2].split(";"):
        if _d:
            _DEMONYM_FORMS.add(_d.lower())


def is_demonym(text: str) -> bool:
    """ "Russian", "Ukrainians": a demonym, not a country's name."""
    return text.lower() in _DEMONYM_FORMS and text.lower() not in {_fold(n) for n in COUNTRY_NAMES.values()}


# Words that describe an outlet without naming it.
_OUTLET_WORDS = (
    r"(?:state[- ]run |state |independent |private |official |public |online |news )?"
    r"(?:news agency|newswire|wire service|agency|newspaper|daily|weekly|broadcaster|television|TV channel|"
    r"TV|channel|radio|magazine|news outlet|outlet|news website|website|news site|media|tabloid)"
)
_OUTLET_BEFORE_RE = re.compile(
    r"^(?:the\s+)?(?:(?P<country>[A-Z][\w.]*(?:\s[A-Z]\w*)?(?:'s)?)\s+)?" + _OUTLET_WORDS + r"\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_OUTLET_AFTER_RE = re.compile(
    r"^(?:the\s+)?(?:(?P<country>[A-Z]\w*(?:'s)?)\s+)?(?P<name>.+?)\s+" + _OUTLET_WORDS + r"$", re.IGNORECASE
)
_DESCRIPTOR_WORDS = {
    "the", "a", "an", "state", "state-run", "state-owned", "state-controlled", "news", "agency", "newspaper", "daily",
    "weekly", "broadcaster", "channel", "tv", "television", "radio", "magazine", "outlet", "website", "site", "media",
    "official", "public", "private", "independent", "wire", "service", "newswire", "online", "news-agency", "s",
    "government", "government-run", "pro-kremlin", "pro-government", "opposition", "business", "financial",
}
_PLACES_NOT_OUTLETS = {
    "new york", "los angeles", "chicago", "boston", "san francisco", "st petersburg", "saint petersburg",
    "hong kong", "frankfurt", "munich", "milan", "geneva", "istanbul", "dubai", "local", "western",
    "foreign", "national", "regional", "leading", "main", "major", "popular", "respected", "same",
}


def _media_info(text: str) -> ActorInfo | None:
    key = _key(text)
    info = _MEDIA.get(key)
    if info is not None:
        return info if _case_ok(key, text) else None
    clean = " ".join(text.replace("\u2019", "'").split())
    # A known outlet inside a short description: "Russia's TASS news agency", "state news agency RIA Novosti".
    for start, end, name in find_outlets(clean):
        rest = (clean[:start] + " " + clean[end:]).replace("'s", " ")
        if all(w.lower() in _DESCRIPTOR_WORDS or country_of(w) for w in re.findall(r"[\w-]+", rest)):
            return _MEDIA[_key(name)]
        if start == 0 and clean[end:].startswith("'s "):
            return _MEDIA[_key(name)]  # "CNN's State of the Union": a programme of the outlet
    for pattern in (_OUTLET_BEFORE_RE, _OUTLET_AFTER_RE):
        match = pattern.match(clean)
        if not match:
            continue
        name = match.group("name").strip(" ,.")
        country_word = match.group("country")
        if country_word and country_of(country_word) is None:
            # "the Kommersant newspaper": the capitalised word was the name itself.
            if pattern is _OUTLET_AFTER_RE:
                name = f"{country_word} {name}"
            else:
                continue
        words = name.split()
        while words and words[-1].lower() in _DESCRIPTOR_WORDS:
            words.pop()  # "Tass news" (before "agency") -> "Tass"
        name = " ".join(words)
        info = _MEDIA.get(_key(name)) if name else None
        if info is not None and _case_ok(_key(name), name):
            return info
        if (
            words
            and len(words) <= 4
            and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and _key(name) not in _PLACES_NOT_OUTLETS
            and _key(name) not in _COUNTRY_KEYS
            and _key(name) not in _ACTORS
        ):
            return ActorInfo(name, "media", country_of(country_word) or "" if country_word else "", "news outlet")
    return None


def media_outlet(text: str) -> str | None:
    """Canonical outlet name if `text` names a media outlet, else None.

    "Tass", "Russia's TASS news agency", "The Russian news agency Tass" -> "TASS"; "the BBC" -> "BBC".
    An unknown capitalised name described as an outlet ("the Vedomosti newspaper") is returned as written.
    """
    if not text or not text.strip():
        return None
    info = _media_info(text)
    return info.name if info is not None else None


def find_outlets(text: str) -> list[tuple[int, int, str]]:
    """Known outlets named in `text`: (start, end, canonical name)."""
    found = []
    for match in MEDIA_RE.finditer(text):
        form = match.group(1)
        if _key(form) in _UPPERCASE_ONLY_KEYS and not _case_ok(_key(form), form):
            continue
        found.append((match.start(), match.end(), _MEDIA_FORMS[form]))
    return found


# ---------------------------------------------------------------------------------------------
# Role descriptions: "the Russian ambassador to the UK", "Kremlin spokesman".

_ROLE_HEADS = (
    "president|vice president|vice-president|prime minister|premier|deputy prime minister|minister|"
    "foreign minister|defence minister|defense minister|chancellor|spokesman|spokeswoman|spokesperson|"
    "press secretary|secretary|secretary-general|secretary general|undersecretary|under secretary|"
    "ambassador|envoy|emissary|adviser|advisor|aide|counsellor|counselor|general|admiral|commander|"
    "chief|head|chairman|chairwoman|chair|director|representative|negotiator|mediator|official|officials|"
    "diplomat|diplomats|lawmaker|lawmakers|senator|congressman|congresswoman|legislator|deputy|governor|"
    "mayor|king|queen|emir|crown prince|prince|sultan|leader|leaders|speaker|lieutenant|colonel|"
    "commissioner|high representative|attaché|attache|consul|chargé d'affaires|charge d'affaires|"
    "source|sources|officer|officers|analyst|expert|member|members|delegate|delegates|taoiseach|ayatollah"
)
_ROLE_HEAD_RE = re.compile(r"(?<![\w-])(?:" + _ROLE_HEADS + r")(?![\w-])", re.IGNORECASE)
# Words that belong to a role or body name ("Joint Chiefs of Staff") rather than to a person's name.
_ROLE_NAME_WORDS = {
    "joint", "chiefs", "staff", "security", "council", "nations", "united", "affairs", "foreign", "defence",
    "defense", "state", "department", "ministry", "house", "committee", "armed", "forces", "services",
    "national", "general", "assembly", "european", "union", "commission", "federation", "republic",
    "intelligence", "presidential", "administration", "office", "cabinet", "government", "military",
    "army", "navy", "air", "force", "interior", "justice", "finance", "treasury", "trade", "energy",
    "economy", "economic", "public", "relations", "press", "first", "deputy", "senior", "top", "chief",
    "special", "principal", "acting", "former", "parliamentary", "parliament", "senate", "duma",
    "congress", "peace", "talks", "delegation", "negotiating", "team", "kremlin", "white", "pentagon",
    "downing", "street", "majority", "minority", "leader", "whip", "exchequer", "secretary", "minister",
    "president", "prime", "agency", "bureau", "service", "center", "centre", "institute", "embassy",
    "mission", "permanent", "representative", "ambassador", "envoy", "adviser", "advisor", "aide",
    "spokesman", "spokeswoman", "spokesperson", "human", "rights", "homeland", "commerce", "policy",
}
_TITLE_ABBREVIATIONS = re.compile(
    r"^(?:Gen|Lt|Col|Maj|Adm|Capt|Sgt|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Amb|Prof|Sir|Dame|Lord|Lady)\.?$"
)
_DESTINATION_PREP_RE = re.compile(r"\b(?:to|in|at|with|on|from|against|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE)
_LEADER_AFTER_RE = re.compile(r"^\s+(?:president|prime\s+minister|leader|premier|king|chancellor|government)\b", re.IGNORECASE)
# Titles that belong to one country when reporting does not name it.
_DEFAULT_ROLE_COUNTRY = [
    (re.compile(r"secretary of state|joint chiefs|national security advis[eo]r|secretary of defen[sc]e|"
                r"defense secretary|pentagon|state department|white house|attorney general|speaker of the house|"
                r"senator|congressman|congresswoman|senate majority|house majority|cia director", re.I), "US"),
    (re.compile(r"foreign secretary|home secretary|defence secretary|chancellor of the exchequer|downing street", re.I), "GB"),
    (re.compile(r"kremlin", re.I), "RU"),
    (re.compile(r"taoiseach", re.I), "IE"),
    (re.compile(r"élysée|elysee", re.I), "FR"),
]
_LEADER_ROLE_RE = re.compile(
    r"^(?:the\s+)?(?P<country>[A-Z][\w.'\- ]*?)(?:'s)?\s+(?P<title>president|prime minister|premier)$", re.IGNORECASE
)


def _role_country(phrase: str) -> str:
    """The country a role belongs to: the first country named that is not a destination ("to the UK")."""
    for start, end, code in country_mentions(phrase):
        if not _DESTINATION_PREP_RE.search(phrase[:start]):
            return code
        if is_demonym(phrase[start:end]) and _LEADER_AFTER_RE.match(phrase[end:]):
            return code  # "adviser to Russian President ...": serves that country's leader
    for pattern, code in _DEFAULT_ROLE_COUNTRY:
        if pattern.search(phrase):
            return code
    return ""


def _cut_trailing_name(tokens: list[str]) -> list[str]:
    """Drop a person's name (and a title like "Gen.") that follows the role: "US National Security
    Adviser Tom Reyes" -> "US National Security Adviser"."""
    last_head = -1
    for index, token in enumerate(tokens):
        if _ROLE_HEAD_RE.fullmatch(token.strip(",")):
            last_head = index
    if last_head < 0:
        return tokens
    kept = tokens[: last_head + 1]
    for token in tokens[last_head + 1 :]:
        bare = token.strip(",;:")
        lower = bare.lower()
        if _TITLE_ABBREVIATIONS.match(bare):
            break
        if lower in {"of", "to", "for", "at", "in", "on", "the", "and", "with", "'s"} or bare[:1].islower():
            kept.append(token)
            continue
        if lower in _ROLE_NAME_WORDS or country_of(bare) or _key(bare) in _ACTORS or _ROLE_HEAD_RE.fullmatch(bare):
            kept.append(token)
            continue
        if kept and kept[-1].lower() in {"of", "to", "the", "for", "at", "in"} and lower not in _ROLE_NAME_WORDS:
            # "ambassador to the Hague", "envoy to Kosovo": a place, part of the role
            kept.append(token)
            continue
        break
    while kept and kept[-1].lower().strip(",") in {"of", "to", "for", "at", "in", "on", "the", "and", "with"}:
        kept.pop()
    return kept


def describe_role(text: str) -> tuple[str, str] | None:
    """(role description, country code) for a phrase that describes someone by role, else None.

    "the Russian ambassador to the UK" -> ("Russian ambassador to the UK", "RU");
    "the Ukrainian president" -> ("President of Ukraine", "UA"); "Kremlin spokesman" -> (..., "RU");
    "Secretary of State" -> (..., "US"). The country is "" when neither the text nor the title tells it.
    """
    if not text:
        return None
    clean = " ".join(text.replace("\u2019", "'").split()).strip(" ,;:")
    clean = re.sub(r"^(?:the|The|a|A|an|An|his|His|her|Her|its|Its|their|Their)\s+", "", clean)
    tokens = clean.split()
    if not tokens or len(tokens) > 16 or not _ROLE_HEAD_RE.search(clean):
        return None
    if tokens[0][:1].islower() and tokens[0].lower() in {"said", "says", "told", "added", "and", "but", "who"}:
        return None
    phrase = " ".join(_cut_trailing_name(tokens)).strip(" ,")
    if not phrase or not _ROLE_HEAD_RE.search(phrase):
        return None
    country = _role_country(phrase)
    leader = _LEADER_ROLE_RE.match(phrase)
    if leader:
        code = country_of(leader.group("country"))
        if code and _key(leader.group("country")) in _COUNTRY_KEYS:
            title = "Prime Minister" if leader.group("title").lower() != "president" else "President"
            name = COUNTRY_NAMES[code]
            return f"{title} of {'the ' if code in _NEEDS_THE else ''}{name}", code
    return phrase, country
