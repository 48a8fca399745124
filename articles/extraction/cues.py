"""Words that introduce what someone said, believes or wants (attribution cues).

Three strengths:
- SPEECH: verbs of saying; they attribute with or without "that" and in inverted order
  ('"...," said the minister').
- WEAK: verbs that also have other readings (nouns, non-speech uses: "states", "reports", "thinks");
  they count only when a clause, a quote or a colon follows, or in inverted order after a quote.
- INFINITIVE: verbs whose content is a to-infinitive or an object ("pledged to", "called for",
  "declined to comment").
"""

from __future__ import annotations


def _forms(spec: str) -> set[str]:
    return set(spec.split())


SPEECH = _forms(
    """
    said say says saying told tell tells telling added adds adding noted notes noting
    insisted insists insisting assured assures assuring claimed claiming confirmed confirms confirming
    denied denies denying repeated repeats stressed stresses stressing emphasized emphasizes emphasised
    emphasises emphasizing warned warns warning revealed reveals revealing stated declared declares
    declaring announced announces announcing explained explains explaining argued argues arguing
    suggested suggests suggesting acknowledged acknowledges acknowledging admitted admits admitting
    wrote writes tweeted tweets tweeting predicted predicts predicting contended contends asserted asserts
    alleged alleges recalled recalls recalling concluded concludes responded responds replied replies
    complained complains complaining conceded concedes reiterated reiterates reiterating indicated
    indicates hinted hints cautioned cautions observed remarked mentioned testified disclosed
    signaled signalled retorted lamented laments boasted boasts joked jokes quipped mused
    reassured reassures explained told announced maintained maintains insist admit acknowledge argue
    claim suggest warn predict explain insisted agreed agrees wondered wonders speculated
    vowed vows pledged pledges promised urged urges urging demanded
    chanted chanting yelled yells yelling shouted shouts shouting screamed sang sings singing
    commented exclaimed exclaims whispered added stating reported
    reminded reminds interjected answered answers
    allege assert concede confirm contend deny disclose imply indicate observe reiterate remind speculate
    testify complain lament recount
    asserting conceding contending disclosing implying indicating observing pleading quipping replying
    speculating testifying wondering joking hinting lamenting
    """
)

# also nouns or frequent in non-speech senses: need a clause, quote or colon after them
WEAK = _forms(
    """
    believes believe believed thinks think thought knows know knew feels feel felt hopes hope hoped
    fears fear feared expects expect expected worries worried doubts doubted reports reported report
    claims states noted says worried estimated estimates estimate recognizes recognized understands
    understood insisting agree assumes assumed guesses guessed imagines imagined showed shows show
    found finds find concluded asked asks asking continued continues went reads read comments
    sees see saw learned hoping view views viewed suspect suspects suspected regard regards regarded suggests indicates
    believing fearing expecting suspecting showing reporting
    """
)

# content is a to-infinitive, an object, or "for"/"on" + noun phrase
INFINITIVE = _forms(
    """
    wants want wanted plans plan planned pledged pledges pledge vowed vows vow promised promises promise
    urged urges urge demanded demands demand called calls call proposed proposes propose
    threatened threatens threaten refused refuses declined declines hopes hoped hope
    intends intended seeks sought offered offers recommended recommends asked asks
    hoping refusing seeking vowing pledging promising threatening calling asking urging demanding
    decided decides voted votes prefer prefers preferred aims aimed agreed agrees
    """
)

ALL_CUES = SPEECH | WEAK | INFINITIVE

# verbs after which the listener comes first: "told reporters that ..."
TELL_VERBS = _forms("told tell tells telling assured assures reassured reassures warned warns urged urges asked asks reminded reminding informed")

# these cue forms read as passives or non-speech after be/get: "is said to be", "was told"
PASSIVE_AUX = _forms("is are was were be been being get got gets")

# verbs of evaluation or stance with a noun-phrase object: the object and what follows is the content
EVALUATIVE = _forms(
    """
    endorsed endorses endorsing criticized criticizes criticizing criticised criticises praised praises
    praising accused accuses accusing described describes describing defended defends defending
    opposed opposes opposing attacked attacks attacking rejected rejects rejecting dismissed dismisses
    dismissing questioned questions questioning thanked thanks thanking denounced denounces denouncing
    blamed blames blaming backed backing supported supports supporting cited cites citing echoed echoes
    echoing condemned condemns condemning slammed slams slamming blasted blasts blasting mocked mocks
    mocking welcomed welcomes welcoming applauded applauds hailed hails touted touts touting lauded
    ridiculed derided labeled labelled branded dubbed promised promising vowing pledging predicting
    recounted recounts recalled highlighted highlights highlighting stressed emphasized acknowledged
    conceded expressed expresses expressing voiced voices voicing challenged challenges challenging
    questioned disputed disputes disputing insisted touted mentioned mentions mentioning discussed
    discusses discussing addressed addresses addressing explained announced unveiled unveils proposed
    offered offering demanding urging pressed presses pressing warned denied denies denying
    decried decries bemoaned bemoans referenced portrayed portrays portraying remarking ordered
    repeating pleaded likened likens invoked invokes implied implies quoted quoting alleging
    championed champions listed forecast apologized embraced embraces praise oppose criticize
    retweeted retweets emailed posted reminding remembered recalling
    congratulated congratulates encouraged encourages deemed knocked knocks compared compares
    shared charged blocked presented approved mention mentions discuss considers consider
    support endorse favor favors favored favour favours oppose
    blame defend describe accuse reject dismiss denounce condemn mock dispute cite express reveal
    announce declare emphasize stress question
    bemoan decry deride invoke laud liken portray recognize recommend ridicule tout applaud congratulate
    criticise emphasise reassure assure heralded heralds assailed assails congratulating vetoed vetoes
    blast slam hail tout
    bemoaning championing comparing decrying deriding embracing encouraging hailing invoking lauding likening
    recognizing recommending recounting referencing ridiculing labeling branding dubbing
    """
)

# verb + preposition cues: "talked about", "warned of", "called for"
PHRASAL = {
    "talked": ("about", "of"), "talks": ("about",), "talking": ("about",), "talk": ("about",),
    "speaks": ("about", "of"), "speaking": ("about", "of"),
    "warned": ("of", "about", "against"), "warns": ("of", "about", "against"), "warning": ("of", "about", "against"),
    "complained": ("about", "of"), "complains": ("about",), "argued": ("for", "against"),
    "pushing": ("for",), "advocated": ("for",), "campaigned": ("for", "against", "on"),
    "railed": ("against",), "lashed": ("out",), "weighed": ("in",), "commented": ("on",), "focused": ("on",),
    "called": ("for", "on"), "calls": ("for", "on"), "calling": ("for", "on"), "call": ("for", "on"),
    "pointed": ("out", "to"), "points": ("out", "to"), "pointing": ("out", "to"),
    "declined": ("to comment",), "refused": ("to comment",), "declines": ("to comment",),
    "joked": ("about",), "bragged": ("about",), "boasted": ("about", "of"), "wrote": ("about", "of"),
    "writes": ("about",), "tweeted": ("about",), "worried": ("about",), "worries": ("about",),
    "cautioned": ("against",), "hit": ("out", "back"), "went": ("after",), "took": ("aim",),
    "put": ("it",), "puts": ("it",),
    "made": ("it clear", "clear"), "makes": ("it clear", "clear"), "making": ("it clear", "clear"),
    "shot": ("back",), "fired": ("back",), "hits": ("back",), "pushed": ("for", "back"), "spoke": ("about", "of", "on", "out"),
    "referring": ("to",), "referred": ("to",), "refers": ("to",), "sided": ("with",),
    "apologizing": ("for",), "sounded": ("off",), "posted": ("on",),
    "respond": ("to",), "responds": ("to",), "responding": ("to",),
    "agreed": ("with",), "agree": ("with",), "agrees": ("with",),
    "disagreed": ("with",), "disagree": ("with",), "disagrees": ("with",),
    "voted": ("against", "for"), "votes": ("against", "for"),
    "boasts": ("about", "of"), "brags": ("about",), "bragging": ("about",),
    "point": ("out", "to"), "worry": ("about",), "worrying": ("about",), "vote": ("for", "against"),
    "balked": ("at",), "balk": ("at",), "laid": ("out",), "lays": ("out",), "lay": ("out",),
}

ALL_CUES = ALL_CUES | EVALUATIVE | set(PHRASAL)

# verb phrases that report speech as plainly as "said" does: '"No," she shot back.'
SPEECH_PHRASES = frozenset("shot back|fired back|hit back|pushed back|made clear|made it clear|makes clear|makes it clear"
                           "|points out|pointed out|warned against|cautioned against|point out".split("|"))

# nouns of saying or believing whose possessor speaks: "his claim that ...", "Ortiz's warning that ..."
CLAIM_NOUNS = frozenset(
    """claim claims assertion assertions argument insistence view belief warning warnings promise pledge
    suggestion contention accusation accusations allegation allegations charge assurance assurances
    admission prediction vow threat hope hopes fear fears statement remarks comment comments""".split()
)
