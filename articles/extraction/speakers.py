"""Finding the speaker's words next to a cue, and telling names, roles and pronouns apart.

Only general English knowledge lives here (titles, role nouns, function words); names of people
always come from the article itself.
"""

from __future__ import annotations

import re

from .text import Token

SUBJECT_PRONOUNS = frozenset("he she they it we i you who which".split())
OBJECT_PRONOUNS = frozenset("him her them us me it you".split())

# adverbs, auxiliaries and time words that may stand between a speaker and the cue
SKIP_BEFORE_CUE = frozenset(
    """also has have had will would could should may might must did does do not n't never still
    previously recently later earlier repeatedly then once publicly privately reportedly again already
    just even further first flatly openly often only specifically frequently apparently allegedly initially
    ultimately finally subsequently simply quickly himself herself themselves itself themself
    is was are were been being has've later now since long always consistently explicitly
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    angrily bluntly curtly firmly proudly quietly sharply strongly repeatedly emphatically
    categorically separately likewise similarly herself himself personally officially formally
    originally famously memorably notably ever can cannot usually generally rarely sometimes seldom
    certainly clearly surely probably almost nearly virtually""".split()
) | frozenset(
    w.replace("'", q)
    for w in """doesn't don't didn't won't wouldn't can't couldn't isn't wasn't hasn't haven't hadn't
    shouldn't aren't weren't""".split()
    for q in "'’"
)

# words that end a noun phrase when walking backwards from a cue
BOUNDARY_WORDS = frozenset(
    """and but or nor so yet because while when whenever if as since after before though although
    that than where what how why whether unless until then however meanwhile moreover also
    instead indeed thus therefore here there this these those""".split()
)
DETERMINERS = frozenset(
    """the a an his her their its our my your some many several most other another both each every
    all no two three four five six few any one""".split()
)
NOT_ADVERBS = frozenset("ally allies family italy july assembly rally supply daily weekly monthly kelly".split())
PRONOUN_LIKE_DETERMINERS = frozenset("another one some many most others several both all few".split())
# prepositions allowed inside a noun phrase ("the ambassador to the UK", "a spokesman for the campaign")
NP_PREPOSITIONS = frozenset("of for to at with from in on".split())

# capitalized words that start sentences rather than names
FUNCTION_CAPS = frozenset(
    """the a an and but or so yet because while when if as since after before though although that
    this these those then however meanwhile moreover also in on at by for with from into of to about
    over under during without within between against it he she they we i you his her their its our
    there here what how why where who which instead still now later earlier last next asked speaking
    according despite following amid even yes no not many some most several other others both all
    each every one two three four five six seven eight nine ten first second having being by
    hastily""".split()
)

# title words stripped from the front of a name ("Sen. Ted Smith" -> "Ted Smith")
TITLE_WORDS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. senator rep rep. representative gov gov. governor gen gen.
    general lt lt. col col. sgt sgt. capt capt. adm adm. president vice secretary minister prime
    premier chancellor ambassador chairman chairwoman chair spokesman spokeswoman spokesperson
    director chief leader speaker mayor judge justice attorney deputy foreign defense defence interior
    finance state national security adviser advisor press former acting democratic republican
    democrat gop candidate nominee frontrunner front-runner majority minority house senate
    congressman congresswoman lawmaker commander envoy negotiator aide counselor counsellor
    officer official head king queen prince princess pope sheikh cardinal bishop rev rev.
    reverend professor prof prof. u.s. us un u.n. eu nato white kremlin campaign manager
    strategist pollster executive ceo founder co-founder""".split()
)

# nouns that make a description a role ("the Russian ambassador", "the senator")
ROLE_NOUNS = frozenset(
    """president minister ambassador spokesman spokeswoman spokesperson secretary senator governor
    chairman chairwoman chair adviser advisor aide envoy negotiator diplomat leader chief director
    official officials representative congressman congresswoman lawmaker candidate nominee
    frontrunner mayor premier chancellor king queen prince general commander head counterpart
    deputy strategist manager pollster prosecutor judge attorney analyst expert economist
    speaker diplomats spokespeople ministry""".split()
)

# capitalized words that are not parts of a person's name
NON_NAME_WORDS = frozenset(
    """department ministry house council university party committee news times post journal agency
    office club union nations street institute foundation center centre college school court senate
    congress assembly parliament government administration campaign company corporation group
    network bank fund forum association organization organisation commission bureau service
    services force forces army navy command federation republic kingdom states state city county
    airport hospital church week day monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    twitter facebook instagram youtube fox cnn abc nbc cbs msnbc bbc tass ap reuters afp
    north south east west central democrats republicans americans god new los las san santa saint
    fort port lake mount""".split()
)

# a run of capitalized words on one line (a name never runs across a paragraph break)
NAME_RE = re.compile(
    r"\b(?:[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z]+(?:[’'\-][A-Za-z]+)*\.?|[A-Z]\.|(?:de|van|von|bin|al|da|del|della|di|du|le|la|dos|ibn)\b|Mc[A-Z][a-z]+))+"
)

POSSESSIVE_RE = re.compile(r"[’']s?$")


def strip_possessive(word: str) -> str:
    return POSSESSIVE_RE.sub("", word) if len(word) > 2 else word


def np_before(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """Token span [start, end] of the noun phrase that ends at token index `end` (inclusive)."""
    if end < 0:
        return None
    last = tokens[end]
    if last.text == ")" and not last.in_quote:
        k = end - 1
        while k >= 0 and tokens[k].text != "(" and end - k < 8:
            k -= 1
        if k >= 1 and tokens[k].text == "(":
            span = np_before(tokens, k - 1)
            return (span[0], end) if span else None
        return None
    if last.in_quote or not last.text[:1].isalnum():
        return None
    if last.lower in SUBJECT_PRONOUNS:
        return end, end
    if last.lower in PRONOUN_LIKE_DETERMINERS:
        return end, end  # "another says", "Several said", "most of them said" (handled by the caller's walk)
    if last.lower in FUNCTION_CAPS and last.lower not in SUBJECT_PRONOUNS:
        return None  # "By", "Asked", "Having": not a speaker
    if last.lower.endswith("ly") and len(last.lower) > 4 and last.lower not in NOT_ADVERBS and last.text[:1].islower():
        return None  # "matter-of-factly" (a capitalized one is a name: "Jolly said")
    if last.lower in PRONOUN_LIKE_DETERMINERS:
        return end, end  # "another says", "most of them said" (handled by the caller's walk)
    if last.lower in BOUNDARY_WORDS or last.lower in NP_PREPOSITIONS or last.lower in DETERMINERS:
        return None
    start = end
    i = end - 1
    steps = 0
    while i >= 0 and steps < 12:
        tok = tokens[i]
        low = tok.lower
        if tok.in_quote or not tok.text[:1].isalnum():
            break
        if low in DETERMINERS:
            start = i
            # "the ambassador to the UK": the determiner may open a prepositional object
            if (i >= 2 and tokens[i - 1].lower in NP_PREPOSITIONS and not tokens[i - 1].in_quote
                    and (tokens[i - 2].lower in ROLE_NOUNS or tokens[i - 2].lower in NP_TAIL_NOUNS)):
                i -= 1
                steps += 1
                continue
            break
        if tok.text == ")":
            # skip a parenthesis such as "(R-Ohio)"
            k = i - 1
            while k >= 0 and tokens[k].text != "(" and i - k < 8:
                k -= 1
            if k >= 1 and tokens[k].text == "(":
                i = k - 1
                steps += 1
                continue
            break
        if low in ("these", "those") and i < end:
            start = i  # "those Democrats argued"
            break
        if low in BOUNDARY_WORDS or low in SUBJECT_PRONOUNS or low in SKIP_AFTER_NP_STOP:
            break
        if low in NP_PREPOSITIONS:
            # a preposition belongs to the phrase only if a noun-like word precedes it
            if i == 0 or not tokens[i - 1].text[:1].isalnum() or tokens[i - 1].lower in BOUNDARY_WORDS:
                break
            if not (tokens[i - 1].lower in ROLE_NOUNS or tokens[i - 1].text[:1].isupper()
                    or tokens[i - 1].lower in NP_TAIL_NOUNS):
                break
        if tok.text[:1].isupper() and low in FUNCTION_CAPS:
            break
        start = i
        i -= 1
        steps += 1
    # a phrase may not begin with a preposition
    while start < end and tokens[start].lower in NP_PREPOSITIONS:
        start += 1
    return start, end


# words that never belong to a speaker phrase; a verb-like word stops the backward walk
SKIP_AFTER_NP_STOP = frozenset(
    """is are was were be been being has have had will would could should may might must can did
    does do said says told added noted""".split()
)
# common nouns that may carry a prepositional phrase in a speaker phrase ("sources familiar with")
NP_TAIL_NOUNS = frozenset(
    """source sources familiar close report poll survey statement spokesman spokeswoman member
    members people person aides officials official analysts experts group head""".split()
)


def np_after(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """Token span of the noun phrase that starts at token index `start` (inverted attribution)."""
    n = len(tokens)
    if start >= n:
        return None
    first = tokens[start]
    if first.in_quote or not first.text[:1].isalnum():
        return None
    if first.lower in SUBJECT_PRONOUNS:
        return start, start
    end = start
    i = start
    seen_noun = False
    while i < n and i - start < 12:
        tok = tokens[i]
        low = tok.lower
        if tok.in_quote or not tok.text[:1].isalnum():
            break
        if low in BOUNDARY_WORDS or low in SKIP_AFTER_NP_STOP:
            break
        if low in NP_PREPOSITIONS:
            if low in ("in", "on", "at", "with", "from") and seen_noun:
                break  # "said Smith in a statement"
            if not seen_noun:
                break
        elif low in ("who", "which"):
            break
        elif low not in DETERMINERS:
            seen_noun = True
        end = i
        i += 1
    if not seen_noun:
        return None
    while end > start and tokens[end].lower in NP_PREPOSITIONS | DETERMINERS:
        end -= 1
    return start, end


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(role words, name words) of a mention such as "Kremlin spokesman Oleg Volkov".

    The name is the trailing run of capitalized words that are not titles; the rest is the role.
    """
    k = len(words)
    while k > 0:
        w = words[k - 1]
        low = w.lower()
        if not (w[:1].isupper() or low in ("de", "van", "von", "bin", "al", "da", "del", "di", "du", "le", "la")):
            break
        if low in TITLE_WORDS or strip_possessive(low) in NON_NAME_WORDS or low in FUNCTION_CAPS:
            break
        k -= 1
    return words[:k], words[k:]


def looks_like_person_name(words: list[str]) -> bool:
    if not words or len(words) > 4:
        return False
    for w in words:
        low = strip_possessive(w.lower())
        if low in NON_NAME_WORDS or low in TITLE_WORDS or low in FUNCTION_CAPS:
            return False
        if not w[:1].isupper() and low not in ("de", "van", "von", "bin", "al", "da", "del", "di", "du", "le", "la"):
            return False
        if w.isupper() and len(w) > 2 and "." not in w:  # acronyms: NATO, CNN (not initials: G.K.)
            return False
    return True


def head_role_noun(words: list[str]) -> str:
    """The last role noun of a description ("the Russian ambassador to the UK" -> "ambassador")."""
    head = ""
    for w in words:
        low = strip_possessive(w.lower())
        if low in ROLE_NOUNS:
            head = low
        if low in ("to", "of", "for", "at") and head:
            break
    return head


# Common given names whose bearers are usually women or men: a weak hint for "he"/"she", used only
# when the article itself gives none (no "Mr."/"Mrs.", no pronouns right after the name).
FEMALE_GIVEN_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura
    sharon cynthia kathleen amy angela shirley anna brenda pamela nicole emma samantha katherine christine
    debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria kelly
    christina lauren joan evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline ann
    gloria jean kathryn alice teresa sara janice doris madison julia grace judy abigail marie denise
    beverly amber theresa marilyn danielle diana brittany natalie sophia rose isabella alexis kayla
    hillary nikki elaine condoleezza madeleine angela theresa ursula kamala nancy sonia ruth elena
    marine federica christine kristalina jacinda liz nicola yulia natalia olga tatiana svetlana irina
    anastasia ekaterina maria marta ana sofia giorgia annalena sanna mette kaja ingrid hanna greta
    ségolène segolène valérie valerie ilhan alexandria elise tulsi michele kirsten maxine dianne
    janet samantha susana carly huma donna megyn kellyanne ivanka melania chelsea debbie kirsten tammy jill
    loretta katie kate jen jenny beth peggy meg molly tina gina pam sally sue kathy anne jane jeanne
    betsy nina claire tulsi heidi amy maggie susie wendy dana erin kristen krysten jeanne""".split()
)
MALE_GIVEN_NAMES = frozenset(
    """james robert john michael william david richard joseph charles christopher daniel matthew anthony
    donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
    jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory
    frank alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary
    peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin
    arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne
    roy ralph randy eugene vincent russell elijah louis bobby philip johnny bernie barack mitt ted marco
    jeb rand chris mike newt rick ben lindsey mitch chuck harry bill hamid emmanuel olaf boris rishi
    keir recep benjamin xi narendra shinzo fumio justin sergei sergey alexei alexander aleksandr igor
    ivan viktor oleg pavel petro arseniy denys oleksiy kirill mikhail ilya maxim maksim antony
    lloyd jens josep charles francois françois olivier emmanuel jean-yves jean-claude angelo mario
    giuseppe matteo silvio pedro carlos luis javier miguel ali hassan hossein mohammad mohammed ahmed
    abdullah recep tayyip mahmoud bashar kim moon yoon matt jim tom dan dave steve bob rob nick tim ron jon
    ken greg doug jeff rich ed fred hank jake josh nate zach andy tony phil pete ray rudy reince corey
    sean kevin bret brett wolf anderson lester jake chuck marco tim mike mitt newt herman""".split()
)
