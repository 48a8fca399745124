"""Plain functions that build small, real-looking archives with the ORM, for tests of the pages.

A statement's content must be exactly article.body[start:end] (the database checks it), so
make_statement finds its words in the body rather than taking offsets.
"""

import datetime as dt

from articles.models import Actor, Article, Channel, Statement

UTC = dt.timezone.utc


def make_article(title, body, *, outlet="Antiwar.com", published=None, url="", slug=None, **fields):
    return Article.objects.create(
        title=title,
        body=body,
        outlet=outlet,
        published=published,
        url=url or f"https://news.example.org/{slug or title.lower().replace(' ', '-')[:60]}",
        **({"slug": slug} if slug else {}),
        **fields,
    )


def make_actor(name, *, country="", role="", kind=Actor.Kind.PERSON, slug=None):
    return Actor.objects.create(name=name, country=country, role=role, kind=kind, **({"slug": slug} if slug else {}))


def make_channel(key, label, *, kind=Channel.Kind.OFFICIAL, parties=()):
    channel = Channel.objects.create(key=key, slug=key.lower(), label=label, kind=kind)
    channel.parties.set(parties)
    return channel


def make_statement(article, speaker, words, *, occurrence=0, **fields):
    """The statement of `speaker` whose content is the `occurrence`-th appearance of `words` in the body."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(words, start + 1)
    fields.setdefault("kind", Statement.Kind.INDIRECT)
    if fields.get("said_on") and "said_on_precision" not in fields:
        fields["said_on_precision"] = Statement.Precision.DAY
    return Statement.objects.create(
        article=article,
        speaker=speaker,
        content=words,
        content_start=start,
        content_end=start + len(words),
        **fields,
    )


KREMLIN_DENIAL = (
    "The Kremlin on Wednesday denied a report that Russian and American officials had held secret talks "
    "about ending the war in Ukraine.\n\n"
    "“There are no informal negotiations between Moscow and Washington,” Kremlin spokesman Dmitry Peskov "
    "told reporters in Moscow.\n\n"
    "Peskov said the Kremlin remained open to talks, but only on terms that took into account the new "
    "realities on the ground.\n\n"
    "The White House confirmed that national security adviser Jake Sullivan had spoken with Russian "
    "officials to reduce the risk of escalation, according to two US officials.\n\n"
    "Dave DeCamp is the news editor of Antiwar.com."
)

ZELENSKY_CONDITIONS = (
    "Ukrainian President Volodymyr Zelensky said on Tuesday that Kyiv was ready for negotiations with "
    "Russia, provided Russian troops withdraw from all occupied territory.\n\n"
    "“We are ready for peace, but not at the price of our land,” Zelensky said in his nightly video "
    "address.\n\n"
    "Dmitry Peskov responded that Moscow saw no basis for talks with Kyiv at present."
)

ISTANBUL_OFFER = (
    "Turkish President Recep Tayyip Erdogan said he would keep pushing for a negotiated settlement and "
    "offered to host another round of talks in Istanbul, his office said in a statement."
)


def talks_archive():
    """Three articles, four speakers, two channels, seven statements. Returns a dict of everything by name.

    speaker   country  statements                  stance
    Peskov    RU       denial, conditions, no_basis  denies_contact, sets_conditions, rejects_talks
    Zelensky  UA       ready, peace                 sets_conditions, calls_for_talks
    White H.  US       sullivan                     confirms_contact
    Erdogan   TR       istanbul                     calls_for_talks
    Channels: us-ru (denial, conditions, sullivan), ru-ua (ready, peace, no_basis, istanbul).
    """
    peskov = make_actor("Dmitry Peskov", country="RU", role="Kremlin spokesman", slug="dmitry-peskov")
    zelensky = make_actor("Volodymyr Zelensky", country="UA", role="President of Ukraine", slug="volodymyr-zelensky")
    white_house = make_actor("White House", country="US", kind=Actor.Kind.GOVERNMENT, slug="white-house")
    erdogan = make_actor("Recep Tayyip Erdogan", country="TR", role="President of Turkey", slug="recep-tayyip-erdogan")
    tass = make_actor("TASS", country="RU", kind=Actor.Kind.MEDIA, slug="tass")
    us_ru = make_channel("RU-US", "US–Russia", parties=[white_house])
    ru_ua = make_channel("RU-UA", "Russia–Ukraine", parties=[])

    denial_article = make_article(
        "Kremlin denies secret US-Russia talks on Ukraine",
        KREMLIN_DENIAL,
        outlet="Antiwar.com",
        published=dt.datetime(2022, 11, 10, 17, 0, tzinfo=UTC),
        slug="kremlin-denies-secret-talks",
    )
    conditions_article = make_article(
        "Zelensky sets out terms for negotiations",
        ZELENSKY_CONDITIONS,
        outlet="Kyiv Independent",
        published=None,
        slug="zelensky-sets-out-terms",
    )
    istanbul_article = make_article(
        "Erdogan offers to host another round in Istanbul",
        ISTANBUL_OFFER,
        outlet="Reuters",
        published=dt.datetime(2022, 9, 15, 9, 30, tzinfo=UTC),
        slug="erdogan-offers-istanbul",
    )

    statements = {
        "denial": make_statement(
            denial_article,
            peskov,
            "There are no informal negotiations between Moscow and Washington,",
            kind=Statement.Kind.DIRECT,
            cue="told",
            said_on=dt.date(2022, 11, 9),
            said_on_text="Wednesday",
            channel=us_ru,
            stance=Statement.Stance.DENIES_CONTACT,
            venue="briefing for reporters",
            reported_via=tass,
        ),
        "conditions": make_statement(
            denial_article,
            peskov,
            "the Kremlin remained open to talks, but only on terms that took into account the new realities on the ground.",
            cue="said",
            said_on=dt.date(2022, 11, 9),
            channel=us_ru,
            stance=Statement.Stance.SETS_CONDITIONS,
        ),
        "sullivan": make_statement(
            denial_article,
            white_house,
            "national security adviser Jake Sullivan had spoken with Russian officials to reduce the risk of escalation",
            cue="confirmed",
            said_on=dt.date(2022, 11, 1),
            said_on_precision=Statement.Precision.MONTH,
            channel=us_ru,
            stance=Statement.Stance.CONFIRMS_CONTACT,
        ),
        "ready": make_statement(
            conditions_article,
            zelensky,
            "Kyiv was ready for negotiations with Russia, provided Russian troops withdraw from all occupied territory.",
            cue="said",
            said_on_text="Tuesday",
            channel=ru_ua,
            stance=Statement.Stance.SETS_CONDITIONS,
        ),
        "peace": make_statement(
            conditions_article,
            zelensky,
            "We are ready for peace, but not at the price of our land,",
            kind=Statement.Kind.DIRECT,
            cue="said",
            channel=ru_ua,
            stance=Statement.Stance.CALLS_FOR_TALKS,
            venue="nightly video address",
        ),
        "no_basis": make_statement(
            conditions_article,
            peskov,
            "Moscow saw no basis for talks with Kyiv at present.",
            cue="responded",
            said_on=dt.date(2022, 1, 1),
            said_on_precision=Statement.Precision.YEAR,
            channel=ru_ua,
            stance=Statement.Stance.REJECTS_TALKS,
        ),
        "istanbul": make_statement(
            istanbul_article,
            erdogan,
            "he would keep pushing for a negotiated settlement and offered to host another round of talks in Istanbul,",
            cue="said",
            said_on=dt.date(2022, 9, 14),
            channel=ru_ua,
            stance=Statement.Stance.CALLS_FOR_TALKS,
        ),
    }
    return {
        "actors": {"peskov": peskov, "zelensky": zelensky, "white_house": white_house, "erdogan": erdogan, "tass": tass},
        "channels": {"us_ru": us_ru, "ru_ua": ru_ua},
        "articles": {"denial": denial_article, "conditions": conditions_article, "istanbul": istanbul_article},
        "statements": statements,
    }


def many_statements(count, *, prefix="bulk"):
    """`count` statements by `count` different speakers, on a channel, from `count` articles: for checking
    that the number of SQL queries of a page does not grow with what it shows."""
    channel = make_channel(f"{prefix.upper()}-CH", f"{prefix} channel")
    made = []
    for n in range(count):
        speaker = make_actor(f"{prefix} envoy {n}", country="NO" if n % 2 else "CH", role="special envoy")
        words = f"talks on the prisoner exchange would resume in Geneva next week, round {n}"
        article = make_article(
            f"{prefix} envoy {n} expects talks to resume",
            f"A special envoy said on Monday that {words}. Officials declined to confirm the date.",
            outlet=f"{prefix} Wire {n % 3}",
            published=dt.datetime(2023, 3, 1 + n % 28, tzinfo=UTC),
            slug=f"{prefix}-envoy-{n}",
        )
        made.append(
            make_statement(
                article,
                speaker,
                words,
                cue="said",
                said_on=dt.date(2023, 3, 1 + n % 28),
                channel=channel,
                stance=Statement.Stance.CALLS_FOR_TALKS,
            )
        )
    return made
