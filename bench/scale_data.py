"""Build a database at the target scale of DESIGN.md, to measure pages against.

    .venv/bin/python bench/scale_data.py [--articles 100000] [--statements-per-article 10] [--actors 20000]
                                         [--database parley_scale] [--rebuild] [--seed 1]

Creates a separate database on the configured server (DATABASE_URL, or the embedded PostgreSQL), migrates it
and fills it with made-up but realistic-looking data:

- actors: persons (first name x surname), one government per country (named after the country, as the
  importer names them), international organisations and ~30 media outlets; aliases as the importer would
  store them (the canonical name, spelling variants, surnames, capitals);
- channels: official talks between pairs of countries, and some back-channels;
- articles: ~700-word bodies composed from template sentences about negotiations, with topic words of very
  different frequencies (some in a fifth of all statements, some in a few hundred), 30 outlets, published
  over 5 years (a few undated);
- statements: each a real slice of its article's body (the quoted words of a direct quote, the reported
  clause of indirect speech), speakers drawn from a Zipf-like distribution (a few actors say a lot, most
  say little), with stance, kind, channel and when-said varied.

Loading is set-based: actors, aliases and channels with INSERT ... SELECT over generate_series; articles and
statements generated in Python and streamed with COPY, in batches (memory stays flat). The statement
trigger (offsets check and search vector) is disabled during the load; the search vectors are computed with
the same SQL function in one INSERT ... SELECT, every statement is then checked against its article's body
in one query (the trigger's rule), and the trigger is enabled again. Secondary indexes are dropped during the
load and rebuilt afterwards. Each step prints how long it took. A sample of statements is then written
again with the trigger on, in a transaction rolled back, to check that it computes the same search vectors.

The database is reused when it was completed with the same parameters; --rebuild drops and rebuilds it.
"""

import argparse
import json
import os
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# --- word lists (general knowledge only: countries, capitals, outlets, common names) ---------------------

# code, name, demonym, capital; the order sets how often a country comes up (first = most often)
COUNTRIES = [
    ("RU", "Russia", "Russian", "Moscow"),
    ("US", "United States", "American", "Washington"),
    ("UA", "Ukraine", "Ukrainian", "Kyiv"),
    ("CN", "China", "Chinese", "Beijing"),
    ("TR", "Turkey", "Turkish", "Ankara"),
    ("FR", "France", "French", "Paris"),
    ("DE", "Germany", "German", "Berlin"),
    ("GB", "United Kingdom", "British", "London"),
    ("IR", "Iran", "Iranian", "Tehran"),
    ("IL", "Israel", "Israeli", "Jerusalem"),
    ("QA", "Qatar", "Qatari", "Doha"),
    ("SA", "Saudi Arabia", "Saudi", "Riyadh"),
    ("IN", "India", "Indian", "New Delhi"),
    ("EG", "Egypt", "Egyptian", "Cairo"),
    ("PL", "Poland", "Polish", "Warsaw"),
    ("BY", "Belarus", "Belarusian", "Minsk"),
    ("KP", "North Korea", "North Korean", "Pyongyang"),
    ("KR", "South Korea", "South Korean", "Seoul"),
    ("JP", "Japan", "Japanese", "Tokyo"),
    ("AE", "United Arab Emirates", "Emirati", "Abu Dhabi"),
    ("CH", "Switzerland", "Swiss", "Bern"),
    ("NO", "Norway", "Norwegian", "Oslo"),
    ("AM", "Armenia", "Armenian", "Yerevan"),
    ("AZ", "Azerbaijan", "Azerbaijani", "Baku"),
    ("GE", "Georgia", "Georgian", "Tbilisi"),
    ("MD", "Moldova", "Moldovan", "Chisinau"),
    ("RS", "Serbia", "Serbian", "Belgrade"),
    ("XK", "Kosovo", "Kosovar", "Pristina"),
    ("SY", "Syria", "Syrian", "Damascus"),
    ("LB", "Lebanon", "Lebanese", "Beirut"),
    ("JO", "Jordan", "Jordanian", "Amman"),
    ("IQ", "Iraq", "Iraqi", "Baghdad"),
    ("YE", "Yemen", "Yemeni", "Sanaa"),
    ("OM", "Oman", "Omani", "Muscat"),
    ("PK", "Pakistan", "Pakistani", "Islamabad"),
    ("AF", "Afghanistan", "Afghan", "Kabul"),
    ("VE", "Venezuela", "Venezuelan", "Caracas"),
    ("CO", "Colombia", "Colombian", "Bogota"),
    ("BR", "Brazil", "Brazilian", "Brasilia"),
    ("MX", "Mexico", "Mexican", "Mexico City"),
    ("CU", "Cuba", "Cuban", "Havana"),
    ("ET", "Ethiopia", "Ethiopian", "Addis Ababa"),
    ("SD", "Sudan", "Sudanese", "Khartoum"),
    ("SS", "South Sudan", "South Sudanese", "Juba"),
    ("KE", "Kenya", "Kenyan", "Nairobi"),
    ("NG", "Nigeria", "Nigerian", "Abuja"),
    ("ZA", "South Africa", "South African", "Pretoria"),
    ("LY", "Libya", "Libyan", "Tripoli"),
    ("ML", "Mali", "Malian", "Bamako"),
    ("RW", "Rwanda", "Rwandan", "Kigali"),
    ("CD", "DR Congo", "Congolese", "Kinshasa"),
    ("VN", "Vietnam", "Vietnamese", "Hanoi"),
    ("PH", "Philippines", "Philippine", "Manila"),
    ("ID", "Indonesia", "Indonesian", "Jakarta"),
    ("KZ", "Kazakhstan", "Kazakh", "Astana"),
    ("FI", "Finland", "Finnish", "Helsinki"),
    ("SE", "Sweden", "Swedish", "Stockholm"),
    ("HU", "Hungary", "Hungarian", "Budapest"),
    ("IT", "Italy", "Italian", "Rome"),
    ("ES", "Spain", "Spanish", "Madrid"),
]

ORGANISATIONS = [
    ("United Nations", "UN"), ("NATO", "North Atlantic Treaty Organization"), ("European Union", "EU"),
    ("OSCE", "Organization for Security and Co-operation in Europe"), ("African Union", "AU"),
    ("International Atomic Energy Agency", "IAEA"), ("International Committee of the Red Cross", "ICRC"),
    ("Arab League", "League of Arab States"), ("ASEAN", "Association of Southeast Asian Nations"),
    ("World Food Programme", "WFP"), ("UN Security Council", "Security Council"),
    ("International Criminal Court", "ICC"), ("Gulf Cooperation Council", "GCC"),
    ("Shanghai Cooperation Organisation", "SCO"), ("UNHCR", "UN refugee agency"),
]

# name, country of the outlet
OUTLETS = [
    ("Reuters", "GB"), ("Associated Press", "US"), ("AFP", "FR"), ("BBC News", "GB"), ("The Guardian", "GB"),
    ("The New York Times", "US"), ("The Washington Post", "US"), ("Wall Street Journal", "US"),
    ("Financial Times", "GB"), ("Bloomberg", "US"), ("Al Jazeera", "QA"), ("TASS", "RU"), ("RIA Novosti", "RU"),
    ("Interfax", "RU"), ("Kommersant", "RU"), ("Ukrainska Pravda", "UA"), ("Kyiv Independent", "UA"),
    ("Xinhua", "CN"), ("Anadolu Agency", "TR"), ("Deutsche Welle", "DE"), ("Der Spiegel", "DE"),
    ("Le Monde", "FR"), ("Politico", "US"), ("Axios", "US"), ("CNN", "US"), ("NHK", "JP"),
    ("Yonhap", "KR"), ("Haaretz", "IL"), ("Antiwar.com", "US"), ("The Economist", "GB"),
]

FIRST_NAMES = """
Aleksandr Sergei Mikhail Ivan Pavel Oleg Igor Anatoly Boris Grigory Roman Maxim Artem Denis Kirill Leonid
Yevgeny Valentina Irina Olga Natalia Svetlana Tatiana Yelena Maria Anna Oksana Taras Bohdan Mykola Petro
Andriy Olena Halyna Lyudmila John Michael Robert William Richard Charles Daniel Matthew Anthony Steven Paul
Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Gary Eric Stephen Larry Justin Scott Brandon
Frank Gregory Samuel Patrick Jack Dennis Jerry Tyler Aaron Henry Douglas Peter Adam Nathan Zachary Kyle
Walter Harold Carl Arthur Gerald Roger Keith Lawrence Terry Sean Christian Austin Joe Noah Jesse Albert
Bryan Billy Bruce Willie Jordan Dylan Alan Ralph Gabriel Roy Juan Wayne Eugene Logan Randy Louis Russell
Vincent Philip Bobby Johnny Bradley Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah
Karen Nancy Lisa Margaret Betty Sandra Ashley Dorothy Kimberly Emily Donna Michelle Carol Amanda Melissa
Deborah Stephanie Rebecca Laura Sharon Cynthia Kathleen Amy Shirley Angela Helen Brenda Pamela Nicole
Samantha Katherine Emma Ruth Christine Catherine Debra Rachel Carolyn Janet Virginia Heather Diane Julie
Joyce Victoria Kelly Christina Joan Evelyn Lauren Judith Olivia Martha Cheryl Megan Andrea Hannah Jacqueline
Wei Jing Li Ming Hui Jun Yan Hao Mehmet Ahmet Mustafa Ali Hasan Huseyin Ibrahim Fatma Ayse Emine Hamid Reza
Mohammad Hossein Mahmoud Farid Karim Omar Khalid Youssef Tariq Faisal Nasser Rania Layla Amira Fatima
Jean Pierre Michel Philippe Alain Nicolas Francois Claire Sophie Isabelle Nathalie Klaus Jurgen Wolfgang
Dieter Ursula Angelika Sabine Hans Friedrich Annalena Olaf Giorgio Marco Luca Giulia Chiara Javier Carlos
Miguel Lucia Carmen Rajesh Sunil Anil Priya Sunita Hiroshi Takeshi Yuki Kenji Haruka Minjun Jiwoo Seojun
""".split()

# first names spelled two ways in English text; the second spelling becomes an alias
SPELLING_VARIANTS = {
    "Aleksandr": "Alexander", "Sergei": "Sergey", "Yevgeny": "Evgeny", "Grigory": "Grigoriy", "Anatoly": "Anatoliy",
    "Artem": "Artyom", "Yelena": "Elena", "Natalia": "Natalya", "Tatiana": "Tatyana", "Andriy": "Andrii",
    "Mykola": "Mikola", "Maxim": "Maksim", "Mohammad": "Mohammed", "Hossein": "Hosein", "Youssef": "Yusuf",
    "Huseyin": "Husein", "Jurgen": "Juergen", "Halyna": "Galina", "Olena": "Alyona",
}

SURNAMES = """
Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Alekseev
Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Zakharov Zaitsev Solovyov
Borisov Yakovlev Grigoriev Romanov Vorobyov Sergeev Kuzmin Frolov Aleksandrov Dmitriev Korolev Gusev Kiselev
Ilyin Maksimov Polyakov Sorokin Vinogradov Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Shevchuk
Koval Polishchuk Bondar Tkachuk Moroz Marchenko Lysenko Rudenko Savchenko Petrenko Klymenko Pavlenko
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Taylor Moore Jackson Martin Lee Perez Thompson White Harris Clark Ramirez Lewis Robinson Walker
Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris
Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox
Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo
Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Butler Barnes Fisher Henderson
Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Wallace Cole West Stone Fox Warren Lambert
Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Tang
Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin
Hosseini Ahmadi Mohammadi Rezaei Moradi Karimi Jafari Rahimi Hashemi Mousavi Ghasemi Sadeghi Haddad
Khoury Nasser Saleh Mansour Farouk Hamdan Aziz Rahman Hussein Abbas Khalil Ibrahim Suleiman Darwish
Dubois Lefebvre Moreau Laurent Simon Michel Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont
Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano
Sharma Verma Gupta Singh Kumar Reddy Iyer Nair Rao Mehta Tanaka Suzuki Takahashi Watanabe Ito Yamamoto
Nakamura Kobayashi Sato Park Choi Jung Kang Cho Yoon Jang Lim Han Kowalski Nowak Wisniewski Wojcik
Kaminski Lewandowski Zielinski Szymanski Novak Horvat Kovacs Nagy Toth Szabo Horvath Varga Papadopoulos
Andersen Nielsen Hansen Larsen Johansson Karlsson Nilsson Eriksson Virtanen Korhonen Makinen Aliyev
Mammadov Hasanov Huseynov Grigoryan Harutyunyan Sargsyan Beridze Kapanadze Gelashvili Rusu Ceban Popa
""".split()

ROLES = [
    "foreign minister", "deputy foreign minister", "defence minister", "national security adviser",
    "presidential spokesperson", "foreign ministry spokesperson", "ambassador to the United Nations",
    "chief negotiator", "special envoy", "senior adviser to the president", "member of parliament",
    "head of the parliamentary foreign affairs committee", "prime minister", "deputy prime minister",
    "head of the presidential administration", "intelligence chief", "senior diplomat", "former ambassador",
    "military analyst", "opposition leader",
]

# subjects of talks, most common first: statement contents cite them with Zipf-like frequencies,
# so a search for the first ones matches tens of thousands of statements and one for the last a few hundred
TOPICS = [
    "a ceasefire", "sanctions", "security guarantees", "a prisoner exchange", "the peace plan", "grain exports",
    "troop withdrawals", "humanitarian corridors", "the nuclear power plant", "energy supplies",
    "the front line", "frozen assets", "arms deliveries", "a peace summit", "reparations", "the occupied territories",
    "border crossings", "the naval blockade", "missile defence", "election observers", "refugee returns",
    "war crimes investigations", "a demilitarised zone", "the gas transit agreement", "air strikes",
    "drone attacks", "the Black Sea", "nuclear arms control", "hostage releases", "the disputed border",
    "military exercises", "the embassy reopening", "visa restrictions", "trade tariffs", "the fishing dispute",
    "water rights", "the oil embargo", "debt relief", "reconstruction funds", "mine clearance",
    "a monitoring mission", "peacekeepers", "the enrichment programme", "inspections", "the buffer zone",
    "children deported during the war", "the dam", "port access", "cyber attacks", "airspace violations",
    "naval patrols", "the pipeline", "the railway link", "grain corridors", "fertiliser exports",
    "ammonia shipments", "prisoners of war", "the bodies of fallen soldiers", "civilian detainees",
    "the constitution", "language rights", "church property", "a referendum", "local elections",
    "autonomy for the region", "the status of the capital", "the holy sites", "settlement construction",
    "the tunnels", "aid deliveries", "fuel deliveries", "the crossing points", "the electricity grid",
    "the desalination plant", "the hydroelectric station", "the lithium deposits", "the rare earth minerals",
    "uranium stockpiles", "the icebreakers", "the phosphate mines", "the cartographers' commission",
    "the demarcation protocol", "the enclave", "the exclave", "the archipelago", "the glacier",
    "the cobalt mines", "the sovereign wealth fund", "the seabed cables", "the satellite launches",
    "the heavy water reactor", "the chemical weapons stockpile", "the orphanage evacuations",
    "the monastery", "the stud farm", "the tramway concession", "the saffron trade", "the pistachio harvest",
    "the amber smuggling", "the truffle exports", "the falconry exemption", "the zither festival",
]

STANCE_QUOTES = {
    "confirms_contact": [
        "We have been in contact with {capital2} about {topic} for several weeks",
        "Our teams met in {city} and discussed {topic} in detail",
        "There are channels of communication with {capital2}, and they are working",
        "Contacts with the {demonym2} side on {topic} continue at the level of experts",
        "I can confirm that our envoys spoke about {topic} last week",
        "We keep a line open to {capital2}, including on {topic}",
    ],
    "denies_contact": [
        "There have been no talks with {country2} on {topic}, none at all",
        "Reports of secret meetings in {city} are simply not true",
        "Nobody from our side has discussed {topic} with {capital2}",
        "These stories about a back channel to {capital2} are fiction",
        "We have had no contact with the {demonym2} delegation since the summer",
    ],
    "calls_for_talks": [
        "The only way out is a negotiated settlement that covers {topic}",
        "We call on {capital2} to return to the table and discuss {topic} without delay",
        "It is time for both sides to sit down and talk about {topic}",
        "Diplomacy must be given a chance, starting with {topic}",
        "We are ready to meet the {demonym2} side anywhere, at any level, to settle {topic}",
    ],
    "rejects_talks": [
        "There is nothing to discuss with {capital2} while {topic} remains unresolved",
        "We will not negotiate over {topic} under pressure",
        "Talks with {country2} are pointless at this stage",
        "We see no partner for negotiations in {capital2}",
    ],
    "sets_conditions": [
        "Talks can begin only once {country2} agrees to {topic}",
        "Any agreement must first settle {topic}",
        "Without guarantees on {topic} there will be no deal",
        "We will sit down with {capital2} as soon as {topic} is off the table",
        "The first step has to be {topic}, then we can talk",
    ],
    "other": [
        "The situation around {topic} remains extremely tense",
        "We are watching what {capital2} does on {topic} very closely",
        "Nobody should expect a quick breakthrough on {topic}",
        "The coming weeks will show whether {capital2} is serious about {topic}",
    ],
}

STANCE_CLAUSES = {
    "confirms_contact": [
        "officials from both countries had discussed {topic} in {city}",
        "{capital} and {capital2} had exchanged messages on {topic}",
        "working groups on {topic} had met twice this month",
    ],
    "denies_contact": [
        "there had been no negotiations with {country2} on {topic}",
        "no delegation had travelled to {city} for talks",
        "reports of contacts with {capital2} were false",
    ],
    "calls_for_talks": [
        "{country} was open to talks with {country2} on {topic}",
        "negotiations on {topic} should resume as soon as possible",
        "both sides needed to return to the table in {city}",
    ],
    "rejects_talks": [
        "{country} would not hold talks with {country2} on {topic}",
        "there was no basis for negotiations with {capital2}",
    ],
    "sets_conditions": [
        "talks could start only after {country2} accepted {topic}",
        "any deal would depend on {topic}",
        "{capital} wanted {topic} settled before any meeting",
    ],
    "other": [
        "the dispute over {topic} was far from over",
        "{capital2} had not replied to the latest proposals on {topic}",
    ],
}

# which stances quotes take, most common first
STANCE_WEIGHTS = [("other", 30), ("calls_for_talks", 20), ("sets_conditions", 18), ("denies_contact", 12),
                  ("confirms_contact", 12), ("rejects_talks", 8)]

DIRECT_FRAMES = [
    ("“{quote},” {speaker} said.", "said"),
    ("“{quote},” {speaker} told {outlet}.", "told"),
    ("“{quote},” {speaker} said on {weekday}.", "said"),
    ("“{quote},” {speaker} insisted in an interview.", "insisted"),
    ("{speaker} said: “{quote}.”", "said"),
    ("“{quote},” {speaker} told reporters in {city}.", "told"),
    ("“{quote},” {speaker} wrote on social media.", "wrote"),
]
INDIRECT_FRAMES = [
    ("{speaker} said {clause}.", "said"),
    ("{speaker} told {outlet} that {clause}.", "told"),
    ("According to {speaker}, {clause}.", "according to"),
    ("{speaker} insisted on {weekday} that {clause}.", "insisted"),
    ("{speaker} added that {clause}.", "added"),
]

FILLERS = [
    "The talks, first proposed in {month}, have stalled over {topic}.",
    "{country} has repeatedly accused {country2} of blocking progress on {topic}.",
    "Diplomats in {city} described the atmosphere as businesslike but cool.",
    "The two delegations last met in {city} in {month}, without a joint statement.",
    "Analysts said the gap between the sides on {topic} remained wide.",
    "Neither government has published the text of the draft agreement.",
    "Fighting continued along several sections of the front overnight, officials in {capital} reported.",
    "The foreign ministers of both countries are due to attend a conference in {city} next month.",
    "Western officials have been sceptical that {capital} is ready for serious negotiations.",
    "Mediators from {country3} have offered to host a new round of talks.",
    "The previous round of negotiations collapsed after a dispute over {topic}.",
    "Officials in {capital2} did not respond to a request for comment.",
    "The proposal would also cover {topic}, according to people familiar with the draft.",
    "A spokesperson for the {demonym} embassy in {capital2} declined to comment.",
    "The announcement came hours after a meeting of the security council in {capital}.",
    "Markets reacted calmly to the news, with the currency little changed.",
    "Both sides have set out positions that the other considers unacceptable.",
    "The {demonym} parliament is expected to debate the issue of {topic} next week.",
    "Humanitarian groups have urged both governments to reach a deal on {topic} before winter.",
    "The last agreement on {topic} expired in {month} and has not been renewed.",
    "Observers noted that the wording of the statement had been carefully chosen.",
    "In {city}, hundreds of people gathered to call for an end to the conflict.",
    "The issue of {topic} has dominated the agenda since the spring.",
    "Officials said a technical meeting on {topic} could take place before the end of the month.",
    "The {demonym} delegation was led by a deputy foreign minister.",
    "The summit in {city} ended without agreement on {topic}.",
    "The talks are taking place against the background of a new offensive in the east.",
    "{country3} has called on both parties to show restraint.",
    "Public opinion in {country} remains divided on the question of {topic}.",
    "The government in {capital2} faces elections next year.",
    "A senior official said privately that the talks were going nowhere.",
    "The draft reportedly runs to more than thirty pages.",
    "The two presidents have not spoken directly since {month}.",
    "Envoys shuttled between {city} and {capital} throughout the week.",
    "The question of {topic} was left for a later stage, diplomats said.",
    "Shelling damaged several buildings near the border on {weekday}.",
    "The agreement, if reached, would need to be ratified by both parliaments.",
    "Independent experts said the numbers could not be verified.",
    "The foreign ministry in {capital} summoned the {demonym2} ambassador on {weekday}.",
    "Preparations for a possible meeting of the leaders have not been confirmed.",
]

TITLE_TEMPLATES = [
    "{country} signals openness to talks with {country2} on {topic}",
    "{country} and {country2} trade accusations over {topic}",
    "No breakthrough in {city} as talks on {topic} stall",
    "{country} denies secret contacts with {country2}",
    "{country} sets conditions for talks with {country2}",
    "Envoys meet in {city} amid dispute over {topic}",
    "{country2} rejects {demonym} proposal on {topic}",
    "Hopes for talks fade as {country} and {country2} harden positions",
    "Mediators press {country} and {country2} to resume negotiations",
    "What we know about the talks between {country} and {country2}",
]

VENUES = ["", "", "", "", "a press conference", "an evening address", "a television interview", "the UN Security Council",
          "a briefing", "a news conference in {city}", "parliament"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# channel pairs (by index in COUNTRIES) and their weight: the first pairs are where most of the talking is
HOT_PAIRS = [(0, 2, 30), (0, 1, 20), (1, 3, 8), (1, 8, 6), (8, 9, 6), (9, 10, 5), (22, 23, 4), (16, 17, 3),
             (0, 4, 3), (1, 2, 6), (2, 4, 2), (26, 27, 2), (42, 43, 2), (1, 16, 2), (3, 5, 1)]
THE_COUNTRIES = {"US", "GB", "AE", "PH"}
DATE_FROM = date(2021, 1, 1)
DATE_DAYS = 5 * 365


class Zipf:
    """Picks items with weight 1/(rank+offset)**s, from a pre-drawn pool so that each pick costs little."""

    def __init__(self, rng, items, s=1.0, offset=1, pool=200_003):
        self.rng = rng
        weights = [1 / (rank + offset) ** s for rank in range(len(items))]
        self.pool = rng.choices(items, cum_weights=list(accumulate(weights)), k=pool)
        self.n = len(self.pool)

    def __call__(self):
        return self.pool[int(self.rng.random() * self.n)]


def timed(label):
    class Step:
        def __enter__(self):
            self.start = time.perf_counter()
            print(f"{label} ...", flush=True)
            return self

        def __exit__(self, *exc):
            if exc[0] is None:
                print(f"  {label}: {time.perf_counter() - self.start:.1f} s", flush=True)

    return Step()


# --- the database ------------------------------------------------------------------------------------------


def server_sql(connection, sql):
    """Run SQL against the server's maintenance database `postgres` (CREATE/DROP DATABASE)."""
    connection.close()
    connection.settings_dict["NAME"] = "postgres"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall() if cursor.description else None
    connection.close()
    return rows


def database_state(connection, name):
    rows = server_sql(
        connection,
        f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{name}'",
    )
    if not rows:
        return None
    return rows[0][0] or ""


def use_database(connection, name):
    connection.close()
    connection.settings_dict["NAME"] = name


def drop_secondary_indexes(cursor, tables):
    """Drop the indexes no constraint needs; return their definitions to build them again after the load."""
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        [list(tables)],
    )
    definitions = cursor.fetchall()
    for name, _ in definitions:
        cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in definitions]


# --- actors, aliases, channels: set-based SQL --------------------------------------------------------------


def load_actors(cursor, n_actors, rng):
    codes = [c[0] for c in COUNTRIES]
    names = [c[1] for c in COUNTRIES]
    demonyms = [c[2] for c in COUNTRIES]
    capitals = [c[3] for c in COUNTRIES]
    # governments, named after their country as the importer names them
    cursor.execute(
        """
        INSERT INTO articles_actor (name, slug, kind, country, role, created_at)
        SELECT n, lower(regexp_replace(n, '\\W+', '-', 'g')), 'government', c, 'Government of ' || n, now()
        FROM unnest(%s::text[], %s::text[]) AS t(n, c)
        """,
        [names, codes],
    )
    cursor.execute(
        """
        INSERT INTO articles_actor (name, slug, kind, country, role, created_at)
        SELECT n, lower(regexp_replace(n, '\\W+', '-', 'g')), 'organisation', '', '', now()
        FROM unnest(%s::text[]) AS t(n)
        """,
        [[o[0] for o in ORGANISATIONS]],
    )
    cursor.execute(
        """
        INSERT INTO articles_actor (name, slug, kind, country, role, created_at)
        SELECT n, lower(regexp_replace(n, '\\W+', '-', 'g')), 'media', c, 'news outlet', now()
        FROM unnest(%s::text[], %s::text[]) AS t(n, c)
        ON CONFLICT DO NOTHING
        """,
        [[o[0] for o in OUTLETS], [o[1] for o in OUTLETS]],
    )
    cursor.execute("SELECT count(*) FROM articles_actor")
    n_persons = max(0, n_actors - cursor.fetchone()[0])
    nf, ns = len(FIRST_NAMES), len(SURNAMES)
    if n_persons > nf * ns:
        raise SystemExit(f"at most {nf * ns} persons can be named from the word lists")
    # person i is (first i mod nf, surname (i div nf + 7 * (i mod nf)) mod ns): distinct for i < nf * ns;
    # countries skewed towards the first of the list
    cursor.execute(
        """
        SELECT setseed(%s);
        INSERT INTO articles_actor (name, slug, kind, country, role, created_at)
        SELECT f || ' ' || s, lower(f || '-' || s), 'person', c,
               CASE WHEN i %% 5 = 0 THEN '' ELSE d || ' ' || (%s::text[])[1 + (i * 31) %% %s] END, now()
        FROM (
            SELECT i, (%s::text[])[1 + i %% %s] AS f, (%s::text[])[1 + (i / %s + 7 * (i %% %s)) %% %s] AS s,
                   (%s::text[])[k] AS c, (%s::text[])[k] AS d
            FROM (SELECT i, 1 + floor(%s * power(random(), 2.2))::int AS k FROM generate_series(0, %s - 1) i) g
        ) p
        """,
        [rng.random() * 2 - 1, ROLES, len(ROLES), FIRST_NAMES, nf, SURNAMES, nf, nf, ns, codes, demonyms,
         len(codes), n_persons],
    )
    # aliases as imports leave them: the canonical name; a government's capital and demonym phrase;
    # an organisation's other name; a person's other spelling; the first person of each surname gets it alone
    cursor.execute(
        """
        INSERT INTO articles_alias (actor_id, name, key)
        SELECT id, name, lower(regexp_replace(name, '[\\W_]+', ' ', 'g')) FROM articles_actor;

        INSERT INTO articles_alias (actor_id, name, key)
        SELECT a.id, x.alias, regexp_replace(lower(regexp_replace(x.alias, '[\\W_]+', ' ', 'g')), '^the ', '')
        FROM articles_actor a
        JOIN (SELECT * FROM unnest(%s::text[], %s::text[]) UNION ALL SELECT * FROM unnest(%s::text[], %s::text[])
              UNION ALL SELECT * FROM unnest(%s::text[], %s::text[])) AS x(name, alias) ON x.name = a.name
        ON CONFLICT (key) DO NOTHING;

        INSERT INTO articles_alias (actor_id, name, key)
        SELECT a.id, v.variant || substr(a.name, length(v.first) + 1),
               lower(regexp_replace(v.variant || substr(a.name, length(v.first) + 1), '[\\W_]+', ' ', 'g'))
        FROM articles_actor a JOIN unnest(%s::text[], %s::text[]) AS v(first, variant)
          ON a.kind = 'person' AND a.name LIKE v.first || ' %%'
        ON CONFLICT (key) DO NOTHING;

        INSERT INTO articles_alias (actor_id, name, key)
        SELECT DISTINCT ON (surname) id, surname, lower(surname)
        FROM (SELECT id, split_part(name, ' ', 2) AS surname FROM articles_actor WHERE kind = 'person') p
        ORDER BY surname, id
        ON CONFLICT (key) DO NOTHING;
        """,
        [names, capitals, names, [f"the {d} government" for d in demonyms],
         [o[0] for o in ORGANISATIONS], [o[1] for o in ORGANISATIONS],
         list(SPELLING_VARIANTS), list(SPELLING_VARIANTS.values())],
    )


def load_channels(cursor):
    """Official talks between every pair of the 24 most-covered countries, and back-channels for the hot pairs."""
    top = COUNTRIES[:24]
    pairs = [(a, b) for i, a in enumerate(top) for b in top[i + 1 :]]
    pairs += [(COUNTRIES[i], COUNTRIES[j]) for i, j, _ in HOT_PAIRS if i >= 24 or j >= 24]
    rows = []
    for a, b in pairs:
        (ca, na), (cb, nb) = sorted([(a[0], a[1]), (b[0], b[1])])
        rows.append((f"{ca}-{cb}", f"{na}–{nb}", "official", ca, cb))
    for i, j, _ in HOT_PAIRS[:8]:
        (ca, na), (cb, nb) = sorted([(COUNTRIES[i][0], COUNTRIES[i][1]), (COUNTRIES[j][0], COUNTRIES[j][1])])
        rows.append((f"{ca}-{cb}-backchannel", f"{na}–{nb} (back-channel)", "backchannel", ca, cb))
    rows = list({row[0]: row for row in rows}.values())
    cursor.execute(
        """
        INSERT INTO articles_channel (key, slug, label, kind)
        SELECT k, lower(k), l, kd FROM unnest(%s::text[], %s::text[], %s::text[]) AS t(k, l, kd);
        INSERT INTO articles_channel_parties (channel_id, actor_id)
        SELECT ch.id, a.id FROM articles_channel ch
        JOIN unnest(%s::text[], %s::text[], %s::text[]) AS t(k, ca, cb) ON t.k = ch.key
        JOIN articles_actor a ON a.kind = 'government' AND a.country IN (t.ca, t.cb);
        """,
        [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
         [r[0] for r in rows], [r[3] for r in rows], [r[4] for r in rows]],
    )


# --- articles and statements: generated in Python, streamed with COPY ----------------------------------------


class World:
    """What the text generator draws from: actors by popularity, countries, channels, outlets."""

    def __init__(self, cursor, rng):
        self.rng = rng
        cursor.execute("SELECT id, name, kind, country FROM articles_actor ORDER BY id")
        actors = cursor.fetchall()
        self.outlet_actor = {name: id_ for id_, name, kind, _ in actors if kind == "media"}
        speakers = [a for a in actors if a[2] != "media"]
        # popularity: a random order, but with a handful of governments among the most quoted
        rng.shuffle(speakers)
        governments = sorted((a for a in speakers if a[2] == "government"), key=lambda a: a[0])[:6]
        speakers = [a for a in speakers if a not in governments]
        for rank, actor in zip((0, 2, 5, 9, 14, 20), governments):
            speakers.insert(rank, actor)
        self.speaker = Zipf(rng, speakers, s=1.0, pool=400_009)
        self.country_index = {c[0]: i for i, c in enumerate(COUNTRIES)}
        self.country = Zipf(rng, list(range(len(COUNTRIES))), s=1.1)
        self.topic = Zipf(rng, TOPICS, s=1.0)
        self.outlet = Zipf(rng, [o[0] for o in OUTLETS], s=0.6)
        self.hot_pair = rng.choices([(i, j) for i, j, _ in HOT_PAIRS], weights=[w for *_, w in HOT_PAIRS], k=50_000)
        stances = [s for s, _ in STANCE_WEIGHTS]
        self.stance = rng.choices(stances, weights=[w for _, w in STANCE_WEIGHTS], k=50_000)
        cursor.execute("SELECT key, id FROM articles_channel")
        self.channel = dict(cursor.fetchall())

    def pick(self, pool):
        return pool[int(self.rng.random() * len(pool))]

    def channel_for(self, ci, cj, backchannel=False):
        a, b = sorted([COUNTRIES[ci][0], COUNTRIES[cj][0]])
        if backchannel and f"{a}-{b}-backchannel" in self.channel:
            return self.channel[f"{a}-{b}-backchannel"]
        return self.channel.get(f"{a}-{b}")


def in_text(country):
    """A country's name as a sentence uses it: "the United States"."""
    return f"the {country[1]}" if country[0] in THE_COUNTRIES else country[1]


def slots_for(world, ci, cj):
    rng = world.rng
    a, b = COUNTRIES[ci], COUNTRIES[cj]
    third = COUNTRIES[world.country()]
    return {
        "country": in_text(a), "country2": in_text(b), "country3": in_text(third),
        "demonym": a[2], "capital": a[3],
        "demonym2": b[2], "capital2": b[3],
        "city": rng.choice((a[3], b[3], third[3], "Geneva", "Istanbul", "Vienna", "Doha")),
        "month": MONTHS[int(rng.random() * 12)], "weekday": WEEKDAYS[int(rng.random() * 7)],
    }


def make_article(world, article_id, n_statements, now):
    """One article row and its statement rows; statement offsets index into the body (Python str = characters)."""
    rng = world.rng
    # who is quoted decides which countries the article is about
    speakers = [world.speaker() for _ in range(n_statements)]
    if rng.random() < 0.6:
        ci, cj = world.pick(world.hot_pair)
    else:
        ci = world.country_index.get(speakers[0][3], world.country()) if speakers else world.country()
        cj = world.country()
        if cj == ci:
            cj = (ci + 1 + int(rng.random() * 5)) % len(COUNTRIES)
    if rng.random() < 0.5:
        ci, cj = cj, ci
    slots = slots_for(world, ci, cj)
    main_topic = world.topic()
    outlet = world.outlet()
    undated = rng.random() < 0.01
    published = None if undated else datetime.combine(
        DATE_FROM + timedelta(days=int(rng.random() * DATE_DAYS)), datetime.min.time(), timezone.utc
    ) + timedelta(minutes=int(rng.random() * 1440))

    title = world.pick(TITLE_TEMPLATES).format(topic=main_topic, **slots)
    title = title[0].upper() + title[1:]
    subtitle = world.pick(FILLERS).format(topic=main_topic, **slots)

    # ~700 words: ~54 sentences, n_statements of them quoting someone, in paragraphs of 1-3 sentences
    n_fillers = max(4, 54 - n_statements)
    kinds = ["s"] * n_statements + ["f"] * n_fillers
    rng.shuffle(kinds)
    body_parts, statements, offset, speaker_i = [], [], 0, 0
    in_paragraph = 0
    paragraph_size = 1 + int(rng.random() * 3)
    channel_id = world.channel_for(ci, cj)
    for k in kinds:
        if body_parts:
            sep = " " if in_paragraph < paragraph_size else "\n\n"
            if sep != " ":
                in_paragraph, paragraph_size = 0, 1 + int(rng.random() * 3)
            body_parts.append(sep)
            offset += len(sep)
        topic = main_topic if rng.random() < 0.3 else world.topic()
        if k == "f":
            sentence = world.pick(FILLERS).format(topic=topic, **slots)
            sentence = sentence[0].upper() + sentence[1:]
        else:
            speaker = speakers[speaker_i]
            speaker_i += 1
            sentence, row = make_statement(world, speaker, topic, slots, outlet, offset, published, ci, cj,
                                           channel_id, article_id, now)
            statements.append(row)
        body_parts.append(sentence)
        offset += len(sentence)
        in_paragraph += 1
    body = "".join(body_parts)

    slug = f"{'-'.join(title.lower().replace('’', '').split())[:70]}-{article_id}"
    slug = "".join(ch if ch.isalnum() or ch == "-" else "" for ch in slug)
    authors = json.dumps([f"{world.pick(FIRST_NAMES)} {world.pick(SURNAMES)}" for _ in range(1 + (rng.random() < 0.3))])
    year = published.year if published else 2020
    article = (
        article_id, title, slug, subtitle, body, authors, outlet,
        f"https://news.example.org/{year}/{slug}", published, "en", content_hash(title, body), "file",
        f"scale/{article_id:06d}.txt", now, now,
    )
    return article, statements


def make_statement(world, speaker, topic, slots, outlet, offset, published, ci, cj, channel_id, article_id, now):
    rng = world.rng
    speaker_id, name, kind, country = speaker
    if kind == "government":
        mention = rng.choice((name, COUNTRIES[world.country_index[country]][3]))
    elif kind == "person" and rng.random() < 0.35:
        mention = name.split(" ", 1)[1]
    else:
        mention = name
    stance = world.pick(world.stance)
    direct = rng.random() < 0.55
    # when it was said: mostly a day resolved against the article's date, some months, some unknown
    said_on, precision, said_text = None, "unknown", ""
    r = rng.random()
    if published is not None and r < 0.75:
        said_on = published.date() - timedelta(days=int(rng.random() * 4))
        precision = "day"
    elif published is not None and r < 0.85:
        said_on, precision = published.date().replace(day=1), "month"
        said_text = f"in {MONTHS[said_on.month - 1]}"
    if said_on is not None and precision == "day":
        slots = {**slots, "weekday": WEEKDAYS[said_on.weekday()]}
    if direct:
        frame, cue = world.pick(DIRECT_FRAMES)
        words = world.pick(STANCE_QUOTES[stance]).format(topic=topic, **slots)
        words = words[0].upper() + words[1:]
        statement_kind = "direct" if rng.random() < 0.9 else "mixed"
        sentence = frame.format(quote=words, speaker=mention, outlet=outlet, **slots)
        start = sentence.index("“") + 1
    else:
        frame, cue = world.pick(INDIRECT_FRAMES)
        words = world.pick(STANCE_CLAUSES[stance]).format(topic=topic, **slots)
        statement_kind = "indirect"
        sentence = frame.format(clause=words, speaker=mention, outlet=outlet, **slots)
        start = sentence.index(words)
        if frame.startswith("{speaker}"):
            sentence = sentence[0].upper() + sentence[1:]
    if "{weekday}" in frame:
        said_text = slots["weekday"]
    channel = channel_id
    r = rng.random()
    if r < 0.08:
        channel = world.channel_for(ci, cj, backchannel=True)
    elif r < 0.25:
        channel = None
    via = world.outlet_actor.get(outlet) if "{outlet}" in frame else None
    venue = world.pick(VENUES).format(**slots)
    row = (
        article_id, speaker_id, mention, words, offset + start, offset + start + len(words),
        statement_kind, cue, said_on, precision, said_text, via, venue, channel, stance,
        round(0.4 + rng.random() * 0.6, 2), rng.random() < 0.02, False, now,
    )
    return sentence, row


def search_vector_sql(cursor) -> str:
    """The statement trigger's search vector as an expression over s (staging row) and a (its article).

    The trigger is disabled for the bulk insert, so this must compute what it computes: the search words
    (parley_statement_search_vector) and, from migration 0006 on, the filter values as lexemes.
    check_search_vectors() compares the result with the trigger's own on a sample."""
    expression = "parley_statement_search_vector(s.content, s.speaker_id, a.title)"
    cursor.execute("SELECT to_regprocedure('parley_statement_filter_lexemes(text, text, bigint, bigint)')")
    if cursor.fetchone()[0] is not None:
        expression += " || parley_statement_filter_lexemes(s.stance, s.kind, s.speaker_id, s.article_id)"
    return expression


def check_search_vectors(raw, every=997):
    """Let the trigger recompute the search vector of every `every`-th statement (rolled back) and compare:
    a schema whose trigger computes something this loader does not know stops the build."""
    with raw.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE bench_vector_sample AS SELECT id, search_vector FROM articles_statement "
                       f"WHERE id % {every} = 0")
        cursor.execute("UPDATE articles_statement s SET content = s.content FROM bench_vector_sample b "
                       "WHERE b.id = s.id")  # content is among the columns that fire the trigger
        cursor.execute("SELECT count(*), count(*) FILTER (WHERE s.search_vector IS DISTINCT FROM b.search_vector) "
                       "FROM articles_statement s JOIN bench_vector_sample b ON b.id = s.id")
        sampled, different = cursor.fetchone()
    raw.rollback()
    if different:
        raise SystemExit(f"{different} of {sampled} sampled statements get another search vector from the trigger "
                         "than the loader computed: teach search_vector_sql() the trigger's formula")
    print(f"    {sampled} statements: same search vector")


ARTICLE_COLUMNS = ("id, title, slug, subtitle, body, authors, outlet, url, published, language, content_hash, "
                   "source, source_name, imported_at, updated_at")
STATEMENT_COLUMNS = ("article_id, speaker_id, mention, content, content_start, content_end, kind, cue, said_on, "
                     "said_on_precision, said_on_text, reported_via_id, venue, channel_id, stance, confidence, "
                     "reviewed, edited, created_at")


def load_articles_and_statements(raw, world, n_articles, per_article, batch=2000):
    """COPY articles straight into their table and statements into an unlogged staging table, in batches."""
    now = datetime.now(timezone.utc)
    with raw.cursor() as cursor:
        cursor.execute(f"CREATE UNLOGGED TABLE bench_statement_stage AS SELECT {STATEMENT_COLUMNS} "
                       "FROM articles_statement WITH NO DATA")
    rng = world.rng
    n_statements = 0
    start = time.perf_counter()
    for first in range(1, n_articles + 1, batch):
        ids = range(first, min(first + batch, n_articles + 1))
        articles, statements = [], []
        for article_id in ids:
            # counts vary around per_article (pairs of articles sum to twice it, so the total is exact)
            spread = min(per_article - 1, 6)
            delta = (hash((article_id + 1) // 2) % (2 * spread + 1)) - spread if spread > 0 else 0
            count = per_article + (delta if article_id % 2 else -delta)
            if article_id == n_articles and n_articles % 2:
                count = per_article
            article, rows = make_article(world, article_id, count, now)
            articles.append(article)
            statements.extend(rows)
        with raw.cursor() as cursor:
            with cursor.copy(f"COPY articles_article ({ARTICLE_COLUMNS}) FROM STDIN") as copy:
                for row in articles:
                    copy.write_row(row)
            with cursor.copy(f"COPY bench_statement_stage ({STATEMENT_COLUMNS}) FROM STDIN") as copy:
                for row in statements:
                    copy.write_row(row)
        raw.commit()
        n_statements += len(statements)
        done = ids[-1]
        if done % (batch * 10) == 0 or done == n_articles:
            rate = done / (time.perf_counter() - start)
            print(f"    {done} articles, {n_statements} statements ({rate:.0f} articles/s)", flush=True)
    del rng
    return n_statements


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--statements-per-article", type=int, default=10)
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--database", default="parley_scale")
    parser.add_argument("--rebuild", action="store_true", help="drop the database and build it again")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.database.replace("_", "").isalnum():
        raise SystemExit("--database: letters, digits and underscores only")

    import django

    django.setup()
    global content_hash
    from articles.models import content_hash
    from django.core.management import call_command
    from django.db import connection

    marker = (f"parley scale data: articles={args.articles} statements_per_article={args.statements_per_article} "
              f"actors={args.actors} seed={args.seed}")
    total_start = time.perf_counter()
    state = database_state(connection, args.database)
    if state == marker + " complete" and not args.rebuild:
        print(f"{args.database}: already built ({marker}); --rebuild to build it again")
        return
    if state is not None and state.startswith("parley scale data") and not state.endswith("complete"):
        print(f"{args.database}: an unfinished build; building it again")
    elif state is not None and not args.rebuild:
        raise SystemExit(f"{args.database} exists ({state or 'not built by this script'}); pass --rebuild to replace it")
    with timed(f"create database {args.database}"):
        server_sql(connection, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        server_sql(connection, f'CREATE DATABASE "{args.database}"')
        server_sql(connection, f"COMMENT ON DATABASE \"{args.database}\" IS '{marker}'")
        use_database(connection, args.database)
    with timed("migrate"):
        call_command("migrate", verbosity=0)

    rng = random.Random(args.seed)
    connection.ensure_connection()
    raw = connection.connection  # the psycopg connection, for COPY and explicit transactions
    raw.autocommit = False
    with raw.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute("SET synchronous_commit = off")
    with timed(f"actors and aliases ({args.actors})"):
        with raw.cursor() as cursor:
            load_actors(cursor, args.actors, rng)
            cursor.execute("SELECT (SELECT count(*) FROM articles_actor), (SELECT count(*) FROM articles_alias)")
            print("    %d actors, %d aliases" % cursor.fetchone())
        raw.commit()
    with timed("channels"):
        with raw.cursor() as cursor:
            load_channels(cursor)
            cursor.execute("SELECT count(*) FROM articles_channel")
            print("    %d channels" % cursor.fetchone())
        raw.commit()

    with raw.cursor() as cursor:
        dropped = drop_secondary_indexes(cursor, ["articles_article", "articles_statement"])
    raw.commit()
    world = World(raw.cursor(), rng)
    with timed(f"articles ({args.articles}) and statements, generated and copied"):
        n_statements = load_articles_and_statements(raw, world, args.articles, args.statements_per_article)

    with timed(f"statements ({n_statements}) with their search vectors, from the staging table"):
        with raw.cursor() as cursor:
            search_vector = search_vector_sql(cursor)
            cursor.execute("ALTER TABLE articles_statement DISABLE TRIGGER statement_before_write")
            cursor.execute(
                f"""
                INSERT INTO articles_statement ({STATEMENT_COLUMNS}, search_vector)
                SELECT {', '.join('s.' + c.strip() for c in STATEMENT_COLUMNS.split(','))}, {search_vector}
                FROM bench_statement_stage s JOIN articles_article a ON a.id = s.article_id
                """
            )
            cursor.execute("DROP TABLE bench_statement_stage")
        raw.commit()  # runs the deferred foreign-key checks
        with raw.cursor() as cursor:
            cursor.execute("ALTER TABLE articles_statement ENABLE TRIGGER statement_before_write")
        raw.commit()
    with timed("check: every statement is its article's body at its offsets (the trigger's rule)"):
        with raw.cursor() as cursor:
            cursor.execute(
                """
                SELECT count(*) FROM articles_statement s JOIN articles_article a ON a.id = s.article_id
                WHERE s.content_end > char_length(a.body)
                   OR substr(a.body, s.content_start + 1, s.content_end - s.content_start) <> s.content
                """
            )
            bad = cursor.fetchone()[0]
        if bad:
            raise SystemExit(f"{bad} statements do not match their article's body")
    with timed("check: the trigger computes the same search vectors (a sample of statements)"):
        check_search_vectors(raw)
    with timed(f"rebuild {len(dropped)} indexes"):
        with raw.cursor() as cursor:
            for definition in dropped:
                cursor.execute(definition)
            for table in ("articles_article", "articles_actor", "articles_alias", "articles_channel"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
            cursor.execute("SELECT setval(pg_get_serial_sequence('articles_statement', 'id'), "
                           "(SELECT max(id) FROM articles_statement))")
        raw.commit()
    raw.autocommit = True
    with timed("vacuum analyze"):
        with raw.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    with raw.cursor() as cursor:
        cursor.execute(f"COMMENT ON DATABASE \"{args.database}\" IS '{marker} complete'")
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
    print(f"done in {time.perf_counter() - total_start:.0f} s: {args.database}, {args.articles} articles, "
          f"{n_statements} statements, {size}")


if __name__ == "__main__":
    main()
