"""English word forms: comparatives and superlatives, regular and irregular past tenses, the -s,
-ing, -ly, -ness and -er forms, negative prefixes, opposites, possessives, ordinals to cardinals.

The word lists are hand-written and hold only words whose form is standard and unique (no "dreamt or
dreamed", no "cleverer or more clever"); the spelling rules are applied by code and every result was
checked by eye."""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache

from hypernet.tasks.families._common import VOWELS, inflect_engine, plural
from hypernet.tasks.spec import spec
from hypernet.tasks.wordlists import NOUNS, VERBS

FAMILY = "morphology"
TEMPLATES = (
    "Word forms: {p}.",
    "English word-formation drill. {P}; answer with the form alone.",
)


def _split(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text.split()))


def _table(text: str) -> dict[str, str]:
    """ "a:b c:d" -> {"a": "b", "c": "d"}."""
    return dict(pair.split(":") for pair in text.split())


# Adjectives compared with -er/-est: one syllable, or two ending in -y, -le or -ow (and quiet).
ADJECTIVES = _split("""
big small tall long old young new fast slow hot cold warm cool high low deep wide thin thick fat
wet sad glad mad loud quiet soft hard strong weak rich poor clean dark light bright sharp smart
kind nice safe brave late large strange rude wise close cute fine pale pure rare ripe sure tame
easy happy busy funny early lazy heavy pretty tiny noisy angry dirty ugly silly lucky hungry
healthy sunny windy cloudy rainy tasty crazy simple gentle narrow shallow quick cheap clear calm
fair full great green tight tough sweet plain proud neat slim flat fit grim dim red bold wild mild
fresh harsh rough smooth steep loose brief crisp damp dense dull faint firm keen lean mean stale
stiff swift weird dear grand sleepy messy dusty shiny juicy spicy salty muddy icy cozy fancy scary
curly chilly dizzy fuzzy greedy grumpy handy hasty itchy jolly merry nasty picky risky rusty shaky
silky sneaky steady sticky stormy thirsty tidy tricky wavy wealthy witty good bad
""")
_COMPARISON = {"good": ("better", "best"), "bad": ("worse", "worst")}

# Verbs whose last syllable is stressed, so a final consonant doubles (prefer -> preferred).
_STRESSED_LAST = frozenset(
    "admit begin commit control occur omit permit prefer refer regret submit".split()
)

# Regular verbs (no irregular past, no British/American variants such as travelled/traveled).
REGULAR_VERBS = _split("""
ask add agree allow answer arrive attack bake beg believe borrow brush call carry change chase chat
check clap clean climb close collect cook copy count cover crash cry dance decide deliver destroy
die discover drag drop dry dye enjoy enter explain fail fill finish fix follow fry grab greet guess
hate help hope hop hug hunt hurry jog join joke jump kick kill kiss knock land laugh lift like
listen live lock look love marry miss mix move need nod obey offer open order paint park pass pick
plan plant play pray push pull rain reach relax remember reply rob rub rush sail save scrub shop
shout skip slip smile snow stay stir stop study talk tap tape thank tie touch trip try turn visit
wait walk want wash watch wave wink wish work worry wrap yell zip admit commit control occur omit
permit prefer refer regret submit bury empty deny apply rely spy supply tidy envy annoy delay
employ
""")

# Irregular verbs with one standard past tense and past participle ("base past participle").
_IRREGULAR_TEXT = """
arise arose arisen, awake awoke awoken, beat beat beaten, become became become, begin began begun,
bend bent bent, bet bet bet, bind bound bound, bite bit bitten, bleed bled bled, blow blew blown,
break broke broken, breed bred bred, bring brought brought, build built built, burst burst burst,
buy bought bought, cast cast cast, catch caught caught, choose chose chosen, cling clung clung,
come came come, cost cost cost, creep crept crept, cut cut cut, deal dealt dealt, dig dug dug, do
did done, draw drew drawn, drink drank drunk, drive drove driven, eat ate eaten, fall fell fallen,
feed fed fed, feel felt felt, fight fought fought, find found found, flee fled fled, fling flung
flung, fly flew flown, forbid forbade forbidden, forget forgot forgotten, forgive forgave forgiven,
freeze froze frozen, give gave given, go went gone, grind ground ground, grow grew grown, have had
had, hear heard heard, hide hid hidden, hit hit hit, hold held held, hurt hurt hurt, keep kept
kept, know knew known, lay laid laid, lead led led, leave left left, lend lent lent, let let let,
lose lost lost, make made made, mean meant meant, meet met met, pay paid paid, put put put, quit
quit quit, read read read, ride rode ridden, ring rang rung, rise rose risen, run ran run, say said
said, see saw seen, seek sought sought, sell sold sold, send sent sent, set set set, shake shook
shaken, shed shed shed, shoot shot shot, shrink shrank shrunk, shut shut shut, sing sang sung, sink
sank sunk, sit sat sat, sleep slept slept, slide slid slid, sling slung slung, speak spoke spoken,
spend spent spent, spin spun spun, split split split, spread spread spread, spring sprang sprung,
stand stood stood, steal stole stolen, stick stuck stuck, sting stung stung, stink stank stunk,
strike struck struck, string strung strung, swear swore sworn, sweep swept swept, swim swam swum,
swing swung swung, take took taken, teach taught taught, tear tore torn, tell told told, think
thought thought, throw threw thrown, understand understood understood, wake woke woken, wear wore
worn, weave wove woven, weep wept wept, win won won, wind wound wound, withdraw withdrew withdrawn,
wring wrung wrung, write wrote written, undo undid undone, overcome overcame overcome, mistake
mistook mistaken, misunderstand misunderstood misunderstood, foresee foresaw foreseen, undergo
underwent undergone, outgrow outgrew outgrown, rebuild rebuilt rebuilt, retell retold retold,
rewrite rewrote rewritten, redo redid redone, remake remade remade, repay repaid repaid, overhear
overheard overheard, oversleep overslept overslept, overeat overate overeaten, override overrode
overridden, overthrow overthrew overthrown, withhold withheld withheld, uphold upheld upheld,
forsake forsook forsaken, mislead misled misled, overtake overtook overtaken, undertake undertook
undertaken, withstand withstood withstood, outdo outdid outdone, foretell foretold foretold
"""
IRREGULAR: dict[str, tuple[str, str]] = {
    base: (past, participle)
    for base, past, participle in (entry.split() for entry in _IRREGULAR_TEXT.split(","))
}

# Adjectives whose adverb is the -ly form (no friendly, whose -ly is taken; no fast, hard or late).
LY_ADJECTIVES = _split("""
quick slow quiet loud soft careful careless sad glad calm brave bright clear close deep easy happy
angry lucky busy noisy lazy heavy gentle simple terrible horrible possible comfortable probable
incredible sensible basic tragic dramatic automatic true full beautiful wonderful cheerful hopeful
peaceful graceful helpful painful thankful joyful playful powerful respectful successful truthful
useful endless hopeless helpless restless fearless famous nervous serious curious generous obvious
previous various dangerous anxious jealous furious mysterious active creative effective positive
negative attractive expensive aggressive massive patient silent recent frequent sudden current
confident decent efficient evident innocent different independent apparent constant elegant
brilliant distant instant pleasant normal actual usual final general equal total natural personal
formal local original special real legal physical typical logical official mental rapid stupid
solid vivid timid perfect correct direct exact strict honest modest smooth sweet proud rough kind
warm cold bold wild mild firm fair poor rich neat nice wise safe free rare pure sure sincere
extreme polite complete immediate separate accurate private fortunate desperate moderate entire
huge humble noble subtle idle reasonable remarkable suitable visible responsible reliable flexible
specific scientific romantic energetic enthusiastic heroic ironic realistic fantastic optimistic
artistic athletic dull secret
""")
_LY_EXCEPTIONS = {"true": "truly"}

# Adjectives whose usual noun is the -ness form (kindness; but wise -> wisdom, so no wise).
NESS_ADJECTIVES = _split("""
kind dark sad happy lazy weak great good ill fit fair soft sweet bright calm cold cool deaf empty
lonely lovely ugly silly friendly holy ready heavy clumsy dizzy sleepy tidy messy mad glad rude
polite careful careless useful useless helpful helpless hopeful hopeless thoughtful thankful aware
awkward bitter blind bold clever conscious correct eager fierce fond fresh gentle harsh idle loud
mean mild neat nervous numb open quick quiet red rich ripe rough sharp sick slow smooth stiff still
strange stubborn sudden tender thick tight tired tough weird wet white wild willing cheerful dull
effective firm gloomy greedy grumpy playful pale plain selfish serious sore sticky vague full loose
close bald blunt coarse crisp damp fat flat foolish lively raw same smart sound stern swift tame
thin vast wicked worthy bare shaky
""")

# Adjective -> its opposite with a negative prefix; each word takes one prefix only.
NEGATIVES = _table("""
happy:unhappy kind:unkind fair:unfair aware:unaware clear:unclear common:uncommon certain:uncertain
comfortable:uncomfortable usual:unusual known:unknown lucky:unlucky safe:unsafe wise:unwise
friendly:unfriendly healthy:unhealthy true:untrue tidy:untidy fit:unfit even:uneven
willing:unwilling natural:unnatural necessary:unnecessary pleasant:unpleasant popular:unpopular
stable:unstable steady:unsteady selfish:unselfish sure:unsure successful:unsuccessful
believable:unbelievable expected:unexpected employed:unemployed limited:unlimited
important:unimportant likely:unlikely familiar:unfamiliar fortunate:unfortunate reliable:unreliable
reasonable:unreasonable suitable:unsuitable finished:unfinished grateful:ungrateful
forgettable:unforgettable possible:impossible patient:impatient polite:impolite perfect:imperfect
mature:immature moral:immoral practical:impractical proper:improper pure:impure mobile:immobile
measurable:immeasurable personal:impersonal plausible:implausible precise:imprecise
probable:improbable mortal:immortal modest:immodest movable:immovable visible:invisible
correct:incorrect complete:incomplete active:inactive adequate:inadequate accurate:inaccurate
capable:incapable consistent:inconsistent curable:incurable decent:indecent definite:indefinite
dependent:independent direct:indirect edible:inedible efficient:inefficient expensive:inexpensive
finite:infinite flexible:inflexible formal:informal frequent:infrequent sane:insane secure:insecure
sensitive:insensitive sincere:insincere tolerant:intolerant valid:invalid appropriate:inappropriate
convenient:inconvenient competent:incompetent compatible:incompatible audible:inaudible
offensive:inoffensive excusable:inexcusable experienced:inexperienced attentive:inattentive
eligible:ineligible sufficient:insufficient tangible:intangible legal:illegal legible:illegible
literate:illiterate logical:illogical legitimate:illegitimate regular:irregular relevant:irrelevant
responsible:irresponsible rational:irrational replaceable:irreplaceable reversible:irreversible
honest:dishonest loyal:disloyal obedient:disobedient similar:dissimilar respectful:disrespectful
orderly:disorderly agreeable:disagreeable courteous:discourteous proportionate:disproportionate
reputable:disreputable
""")

# Opposites that are the one standard answer for the word (no small -> big or little).
_BOTH_WAYS = _table("""
hot:cold up:down yes:no in:out on:off day:night black:white true:false buy:sell push:pull
question:answer before:after above:below inside:outside early:late wet:dry full:empty fast:slow
rich:poor strong:weak happy:sad good:bad love:hate friend:enemy north:south east:west top:bottom
first:last always:never everything:nothing everybody:nobody everywhere:nowhere many:few most:least
maximum:minimum plus:minus positive:negative entrance:exit import:export increase:decrease
include:exclude accept:reject remember:forget asleep:awake alive:dead sunrise:sunset summer:winter
heaven:hell victory:defeat success:failure wide:narrow deep:shallow ancient:modern cheap:expensive
clean:dirty private:public rough:smooth tight:loose major:minor inner:outer
input:output upstairs:downstairs uphill:downhill arrival:departure borrow:lend innocent:guilty
floor:ceiling
""")
_ONE_WAY = _table("""
large:small tall:short long:short young:old new:old thick:thin noisy:quiet sour:sweet
difficult:easy dangerous:safe beautiful:ugly left:right wrong:right
""")
OPPOSITES: dict[str, str] = {**_BOTH_WAYS, **{b: a for a, b in _BOTH_WAYS.items()}, **_ONE_WAY}

# Verbs whose noun for the person doing it is the -er form (no actor, sailor, visitor, cooker).
AGENT_VERBS = _split("""
bake begin believe borrow box build buy call camp catch clean climb compose dance defend design dig
dive drink drive drum eat explore farm fight follow garden golf hike hunt jog keep kill lead learn
lend listen lose love make manage mine murder own paint perform photograph plan play preach produce
publish race rap read report research ride rob rule run sell serve shop shoot sing skate ski sleep
smoke speak spend swim talk teach think trade train use vote wait walk win work write bowl brew
dream earn gamble hold interview lecture mix observe pitch rescue save scream search snore spin
sprint start support surf sweep wander wash watch weave weld wrestle worry achieve admire bid blog
command commute consume control deal develop employ entertain examine find greet grow help joke
load mow open pay poach promote provide rent row scan score seek settle sit slice stalk stream
strike supply test track trap trek wear wrap
""")


def _doubles(word: str) -> bool:
    """Whether a final consonant doubles before -er/-est/-ed: one-syllable words ending in
    consonant-vowel-consonant (big -> bigger) and verbs stressed on their last syllable."""
    if word in _STRESSED_LAST:
        return True
    vowel_groups = sum(
        c in VOWELS and (i == 0 or word[i - 1] not in VOWELS) for i, c in enumerate(word)
    )
    return (
        vowel_groups == 1
        and len(word) >= 3
        and word[-1] not in VOWELS + "wxy"
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
    )


def suffixed(word: str, suffix: str) -> str:
    """``word`` + a suffix starting with e (-er, -est, -ed) with the English spelling rules."""
    if word.endswith("e"):
        return word + suffix[1:]
    if word.endswith("y") and word[-2] not in VOWELS:
        return word[:-1] + "i" + suffix
    if _doubles(word):
        return word + word[-1] + suffix
    return word + suffix


def comparative(adj: str) -> str:
    return _COMPARISON[adj][0] if adj in _COMPARISON else suffixed(adj, "er")


def superlative(adj: str) -> str:
    return _COMPARISON[adj][1] if adj in _COMPARISON else suffixed(adj, "est")


def adverb(adj: str) -> str:
    if adj in _LY_EXCEPTIONS:
        return _LY_EXCEPTIONS[adj]
    if adj.endswith("ic"):
        return adj + "ally"
    if adj.endswith("le") and adj[-3] not in VOWELS:
        return adj[:-1] + "y"  # gentle -> gently
    if adj.endswith("ll"):
        return adj + "y"  # full -> fully
    if adj.endswith("y") and adj[-2] not in VOWELS:
        return adj[:-1] + "ily"
    return adj + "ly"


def ness(adj: str) -> str:
    if adj.endswith("y") and adj[-2] not in VOWELS:
        return adj[:-1] + "iness"
    return adj + "ness"


def third_person(verb: str) -> str:
    if verb == "have":
        return "has"
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def possessive(noun: str) -> str:
    """dog -> dog's, dogs -> dogs', children -> children's (the singular nouns never end in s)."""
    return noun + "'" if noun.endswith("s") else noun + "'s"


def _lookup(table: dict[str, str]) -> Callable[[str], str]:
    """A solver that answers only the words it lists (an unknown word is another task's input)."""
    return lambda x: table[x]


def _inverse(table: dict[str, str]) -> dict[str, str]:
    out = {v: k for k, v in table.items()}
    if len(out) != len(table):
        raise ValueError("two words share a form, so the reverse lookup would be ambiguous")
    return out


@cache
def _tables() -> dict[str, dict[str, str]]:
    return {
        "comparative": {a: comparative(a) for a in ADJECTIVES},
        "superlative": {a: superlative(a) for a in ADJECTIVES},
        "comp_to_sup": {comparative(a): superlative(a) for a in ADJECTIVES},
        "past": {v: suffixed(v, "ed") for v in REGULAR_VERBS},
        "irregular_past": {v: p for v, (p, _) in IRREGULAR.items()},
        "participle": {v: pp for v, (_, pp) in IRREGULAR.items()},
        "adverb": {a: adverb(a) for a in LY_ADJECTIVES},
        "ness": {a: ness(a) for a in NESS_ADJECTIVES},
        "agent": {v: suffixed(v, "er") for v in AGENT_VERBS},
        "ing": {v: inflect_engine().present_participle(v) for v in VERBS},
    }


def _table_of(
    name: str, inverse: bool = False
) -> tuple[Callable[[str], str], Callable[[], list[str]]]:
    """Solver and pool for one of ``_tables()`` (loaded on first use, so importing stays cheap)."""

    def table() -> dict[str, str]:
        t = _tables()[name]
        return _inverse(t) if inverse else t

    return (lambda x: table()[x]), (lambda: sorted(table()))


@cache
def _possessive_nouns() -> tuple[str, ...]:
    singulars = [n for n in NOUNS if not n.endswith("s")]
    return tuple(sorted(set(singulars) | {plural(n) for n in NOUNS if plural(n) != n}))


_SUBJECTS = ("I", "you", "we", "they")


def _she_form(x: str) -> str:
    subject, verb = x.split(" ")
    if subject not in _SUBJECTS or verb not in VERBS:
        raise ValueError(f"not a pronoun and a verb: {x!r}")
    return f"she {third_person(verb)}"


def _pronoun_verb(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(VERBS)}"


@cache
def _ordinals() -> dict[str, str]:
    from num2words import num2words

    return {num2words(n, to="ordinal"): num2words(n) for n in range(1, 200)}


ADJ, VERB = "an adjective", "an English verb"
_comparative, _comparatives = _table_of("comparative")
_superlative, _adjectives = _table_of("superlative")
_comp_to_sup, _comparative_forms = _table_of("comp_to_sup")
_sup_to_base, _superlative_forms = _table_of("superlative", inverse=True)
_past, _regular_verbs = _table_of("past")
_past_to_base, _past_forms = _table_of("past", inverse=True)
_irregular_past, _irregular_verbs = _table_of("irregular_past")
_participle = _table_of("participle")[0]
_irregular_to_base, _irregular_pasts = _table_of("irregular_past", inverse=True)
_ing_to_base, _ing_forms = _table_of("ing", inverse=True)
_adverb, _ly_adjectives = _table_of("adverb")
_adverb_to_adj, _adverbs = _table_of("adverb", inverse=True)
_ness, _ness_adjectives = _table_of("ness")
_agent, _agent_verbs = _table_of("agent")

SPECS = [
    spec(
        "comparative",
        ADJ,
        [
            "give the comparative form of the adjective",
            "write the -er form of the adjective, as in big and bigger",
            "turn the adjective into its comparative, minding doubled letters and y to i",
            "say the word you would use to call one thing more so than another",
            "form the adjective's comparison degree, like happier from happy",
        ],
        _comparative,
        pool=_comparatives,
        training_phrasings=[
            "make the adjective comparative",
            "tell me how you'd say more of this adjective in one word, like taller for tall",
            "produce the comparative inflection of the adjective, applying English spelling rules",
            "fill in 'this one is ... than that one' with the right form of the adjective",
        ],
    ),
    spec(
        "superlative",
        ADJ,
        [
            "give the superlative form of the adjective",
            "write the -est form of the adjective, as in big and biggest",
            "turn the adjective into its superlative, minding doubled letters and y to i",
            "say the word you would use for the most extreme one of a group",
            "form the highest degree of comparison of the adjective, like happiest from happy",
        ],
        _superlative,
        pool=_adjectives,
        training_phrasings=[
            "make the adjective superlative",
            "tell me how you'd say the most of this adjective in one word, like tallest for tall",
            "produce the superlative inflection of the adjective, applying English spelling rules",
            "fill in 'this one is the ... of them all' with the right form of the adjective",
        ],
    ),
    spec(
        "comparative_to_superlative",
        "a comparative adjective",
        [
            "change the comparative adjective into the superlative",
            "turn the -er form into the matching -est form",
            "go from the comparative to the superlative of one adjective, like bigger to biggest",
            "give the superlative that goes with this comparative",
            "step the adjective up one degree, from more to most",
        ],
        _comp_to_sup,
        pool=_comparative_forms,
        training_phrasings=[
            "convert the comparative into a superlative",
            "take the comparative and tell me the matching superlative, so quicker becomes quickest",
            "map the comparative form of an adjective to its superlative form",
            "replace the comparative with the superlative of the same adjective, e.g. better gives best",
        ],
    ),
    spec(
        "superlative_to_base",
        "a superlative adjective",
        [
            "give the plain adjective that this superlative comes from",
            "strip the superlative back to the base adjective",
            "turn the -est form into the ordinary adjective, like biggest to big",
            "write the positive degree of the superlative adjective",
            "undo the superlative and name the simple adjective underneath",
        ],
        _sup_to_base,
        pool=_superlative_forms,
        training_phrasings=[
            "reduce the superlative to its root adjective",
            "take the -est word and tell me the plain adjective, so tallest becomes tall",
            "return the uninflected adjective corresponding to the superlative form",
            "recover the adjective that the -est form was built from",
        ],
    ),
    spec(
        "past_tense",
        "a regular English verb",
        [
            "give the past tense of the regular verb",
            "add -ed to the verb with the right spelling changes",
            "write the verb in the simple past, like stopped from stop or tried from try",
            "put the regular verb into the past tense",
            "say what the verb becomes when it happened yesterday",
        ],
        _past,
        pool=_regular_verbs,
        training_phrasings=[
            "make the verb past tense",
            "tell me the -ed form of the verb, so walk becomes walked",
            "inflect the regular verb for the simple past, applying the -ed spelling rules",
            "write the preterite of this regular verb",
        ],
    ),
    spec(
        "past_to_base",
        "a regular verb in the past tense",
        [
            "give the base form of the past-tense verb",
            "remove the -ed ending and restore the verb's dictionary form",
            "turn the past tense back into the plain verb, like stopped to stop or tried to try",
            "write the infinitive, without to, of this past-tense verb",
            "undo the past tense and name the verb as it would appear in a dictionary",
        ],
        _past_to_base,
        pool=_past_forms,
        training_phrasings=[
            "reduce the -ed verb to its base form",
            "tell me the bare verb behind the -ed word, so hoped becomes hope",
            "return the uninflected stem of the regular past-tense verb, undoing any doubling or y-to-i change",
            "recover the bare verb that the -ed form was built from",
        ],
    ),
    spec(
        "irregular_past",
        "an irregular English verb",
        [
            "give the past tense of the irregular verb",
            "write the simple past of the verb, like went from go",
            "put the irregular verb into the past simple",
            "say the past form of this irregular verb",
            "conjugate the verb for something that already happened, e.g. ate for eat",
        ],
        _irregular_past,
        pool=_irregular_verbs,
        training_phrasings=[
            "make the irregular verb past tense",
            "tell me the simple past of this tricky verb, like swam for swim",
            "inflect the irregular verb for the preterite, its second principal part",
            "fill in 'yesterday I ...' with the right form of the irregular verb",
        ],
    ),
    spec(
        "past_participle",
        "an irregular English verb",
        [
            "give the past participle of the irregular verb",
            "write the form of the verb used after has or have, like gone from go",
            "say the third form of the irregular verb",
            "turn the verb into its past participle",
            "complete 'it has been ...' with the right form of the verb, e.g. eaten for eat",
        ],
        _participle,
        pool=_irregular_verbs,
        training_phrasings=[
            "form the past participle of the verb",
            "tell me the perfect-tense participle of this irregular verb, so swim gives swum",
            "produce the participle the irregular verb uses in perfect and passive constructions",
            "write the form this irregular verb takes in the passive voice, as in 'it was written'",
        ],
    ),
    spec(
        "irregular_past_to_base",
        "an irregular verb in the past tense",
        [
            "give the base form of the irregular past-tense verb",
            "turn the simple past back into the plain verb, like went to go",
            "write the dictionary form of the irregular past tense",
            "say which verb this past form belongs to",
            "undo the irregular past and name the verb it comes from, e.g. ate gives eat",
        ],
        _irregular_to_base,
        pool=_irregular_pasts,
        training_phrasings=[
            "find the base verb of the irregular past",
            "tell me which verb this is the past of, so swam means swim",
            "map the irregular preterite back to its lemma, the bare infinitive",
            "work backwards from the irregular past to the verb you would look up",
        ],
    ),
    spec(
        "third_person",
        "a pronoun followed by a verb",
        [
            "change the subject to she and make the verb agree",
            "rewrite the two words with she as the subject, adding -s or -es to the verb",
            "put the verb in the third person singular after she, like she carries",
            "replace the pronoun with she and fix the verb form",
            "say the same thing about one woman instead, in the present tense",
        ],
        _she_form,
        sample=_pronoun_verb,
        training_phrasings=[
            "give the she form of the two words",
            "turn it into a she sentence, so we go turns into she goes",
            "output she followed by the third-person singular present form of the verb",
            "conjugate the verb for she, dropping the original pronoun",
        ],
    ),
    spec(
        "ing_to_base",
        "an -ing form of a verb",
        [
            "give the base verb that the -ing form comes from",
            "remove the -ing ending and restore the verb's dictionary form",
            "turn the present participle back into the plain verb, like running to run",
            "write the infinitive, without to, of this -ing word",
            "undo the gerund and name the verb underneath, e.g. making gives make",
        ],
        _ing_to_base,
        pool=_ing_forms,
        training_phrasings=[
            "reduce the -ing form to its base verb",
            "tell me the plain verb behind the -ing word, so swimming becomes swim",
            "map the present participle to its bare infinitive, restoring any dropped e or undoing a doubled consonant",
            "recover the verb you would add -ing to in order to get this word",
        ],
    ),
    spec(
        "adverb",
        ADJ,
        [
            "turn the adjective into an adverb ending in -ly",
            "give the -ly adverb formed from the adjective",
            "make an adverb from the adjective, like quickly from quick or happily from happy",
            "write the adverb that describes doing something in this way",
            "derive the manner adverb of the adjective with the proper spelling",
        ],
        _adverb,
        pool=_ly_adjectives,
        training_phrasings=[
            "make the adjective an -ly adverb",
            "tack -ly onto the adjective with the right spelling, so easy gives easily",
            "convert the adjective into its -ly adverb, applying the y-to-i, -le to -ly and -ic to -ically rules",
            "fill in 'she did it ...' with the -ly form of the adjective",
        ],
    ),
    spec(
        "adverb_to_adjective",
        "an adverb ending in -ly",
        [
            "give the adjective that the -ly adverb comes from",
            "remove the -ly ending and restore the adjective",
            "turn the adverb back into its adjective, like happily to happy",
            "write the adjective behind this adverb",
            "undo the adverb and name the describing word it came from, e.g. gently gives gentle",
        ],
        _adverb_to_adj,
        pool=_adverbs,
        training_phrasings=[
            "reduce the -ly adverb to its adjective",
            "take the -ly word and tell me the adjective it's built on, so easily gives easy",
            "map the -ly adverb back to its base adjective, reversing any spelling change",
            "work out which adjective this adverb was made from",
        ],
    ),
    spec(
        "ness_noun",
        ADJ,
        [
            "turn the adjective into a noun ending in -ness",
            "add -ness to the adjective, changing a final y to i",
            "give the -ness noun for the quality the adjective names, like kindness",
            "make an abstract noun from the adjective with the suffix -ness",
            "name the state of being this way, using the ending -ness, e.g. happiness",
        ],
        _ness,
        pool=_ness_adjectives,
        training_phrasings=[
            "give the adjective's -ness form",
            "stick -ness on the end of the adjective, so dark becomes darkness and lazy becomes laziness",
            "nominalize the adjective with the suffix -ness, turning a consonant-plus-y ending into i",
            "convert the describing word into the matching abstract noun ending in -ness",
        ],
    ),
    spec(
        "negative_prefix",
        ADJ,
        [
            "give the opposite of the adjective made with a negative prefix",
            "add the right prefix, un-, in-, im-, il-, ir- or dis-, to negate the adjective",
            "write the negative form of the adjective, like unhappy, impossible or dishonest",
            "negate the adjective with a prefix",
            "put not into the adjective by attaching the correct negative beginning",
        ],
        _lookup(NEGATIVES),
        pool=lambda: sorted(NEGATIVES),
        training_phrasings=[
            "attach the adjective's negative prefix",
            "stick un-, in-, im-, il-, ir- or dis- on the front, whichever fits, so it means the opposite",
            "form the negated adjective by adding its one standard negative prefix",
            "write the prefixed antonym of the adjective, such as unkind or illegal",
        ],
    ),
    spec(
        "opposite",
        "an English word",
        [
            "give the opposite of the word",
            "write the antonym of the word",
            "say the word that means the reverse, like cold for hot",
            "answer with the word of opposite meaning",
            "name the word at the other extreme, e.g. down for up",
        ],
        _lookup(OPPOSITES),
        pool=lambda: sorted(OPPOSITES),
        training_phrasings=[
            "find the word's opposite",
            "tell me the word that means the exact opposite, like dry for wet",
            "return the standard antonym of the given word",
            "replace the word with its counterpart of contrary meaning",
        ],
    ),
    spec(
        "possessive",
        "an English noun, singular or plural",
        [
            "write the possessive form of the noun",
            "add 's to the noun, or only an apostrophe after a plural ending in s",
            "turn the noun into its possessive, like dog's, dogs' or children's",
            "show ownership by adding the apostrophe form to the noun",
            "write the noun as it appears before the thing it owns, apostrophe included",
        ],
        possessive,
        pool=_possessive_nouns,
        metric="strict",  # the apostrophe is the task
        training_phrasings=[
            "make the noun possessive",
            "add the apostrophe bit that shows it owns something, so cat gives cat's and cats gives cats'",
            "form the genitive of the noun: 's in general, a bare apostrophe after a plural -s",
            "put the noun in the form used in phrases like the teacher's desk or the teachers' room",
        ],
    ),
    spec(
        "agent_noun",
        VERB,
        [
            "give the -er noun for a person who does the action",
            "turn the verb into the noun for someone who does it, like teacher from teach",
            "add -er to the verb to name the person doing it, minding the spelling",
            "name the doer of the verb with the suffix -er",
            "say what you call somebody who does this, e.g. swimmer for swim",
        ],
        _agent,
        pool=_agent_verbs,
        training_phrasings=[
            "make the -er person noun from the verb",
            "tell me the word for a person who does this, ending in -er, like baker for bake",
            "derive the agentive noun of the verb with the suffix -er, applying e-dropping, y-to-i and consonant doubling",
            "convert the verb into the -er word for its performer",
        ],
    ),
    spec(
        "ordinal_to_cardinal",
        "an ordinal number written in words",
        [
            "turn the ordinal word into the cardinal number word",
            "write the counting number that matches the ordinal, in words",
            "change the ordinal into its cardinal, like twenty-first to twenty-one",
            "give the ordinary number word for this position word",
            "convert first, second, third style words back to one, two, three style words",
        ],
        lambda x: _ordinals()[x],
        pool=lambda: sorted(_ordinals()),
        training_phrasings=[
            "give the cardinal form of the ordinal",
            "just say the plain number in words, so fifth becomes five and ninety-second becomes ninety-two",
            "map the ordinal number word to the cardinal number word for the same value, spelled out",
            "spell out the count that matches this rank word, like twelve for twelfth",
        ],
    ),
]


# Verb -> the -or noun for the person doing it (no machines such as calculator, no -er/-or doublets
# such as adviser/advisor).
OR_AGENTS = _table("""
act:actor sail:sailor visit:visitor invent:inventor direct:director edit:editor collect:collector
conduct:conductor instruct:instructor invest:investor inspect:inspector narrate:narrator
translate:translator operate:operator illustrate:illustrator create:creator govern:governor
survive:survivor supervise:supervisor educate:educator investigate:investigator
negotiate:negotiator decorate:decorator contribute:contributor distribute:distributor
prosecute:prosecutor protect:protector sculpt:sculptor animate:animator coordinate:coordinator
demonstrate:demonstrator dictate:dictator imitate:imitator object:objector oppress:oppressor
conquer:conqueror liberate:liberator interrogate:interrogator mediate:mediator
facilitate:facilitator navigate:navigator
""")

# Verb -> the -ee noun for the person the action is done to (employee, trainee).
EE_NOUNS = _table("""
employ:employee train:trainee interview:interviewee pay:payee examine:examinee nominate:nominee
address:addressee escape:escapee attend:attendee deport:deportee detain:detainee evacuate:evacuee
invite:invitee retire:retiree appoint:appointee induct:inductee draft:draftee mentor:mentee
grant:grantee enroll:enrollee franchise:franchisee license:licensee
""")

# Adjectives whose negative-prefix form has a usual -ly adverb (no untruly, unsurely, impurely).
_NEGATIVE_ADVERB_ADJECTIVES = sorted(
    (set(NEGATIVES) & set(LY_ADJECTIVES)) - {"true", "sure", "pure", "active", "clear", "modest"}
)


@cache
def _extra_tables() -> dict[str, dict[str, str]]:
    t = _tables()
    return {
        "participle_to_past": {t["participle"][v]: p for v, p in t["irregular_past"].items()},
        "past_perfect": {v: f"had {pp}" for v, pp in t["participle"].items()},
        "negative_adverb": {a: adverb(NEGATIVES[a]) for a in _NEGATIVE_ADVERB_ADJECTIVES},
        "ness_to_adverb": {
            ness(a): adverb(a) for a in sorted(set(NESS_ADJECTIVES) & set(LY_ADJECTIVES))
        },
        "plural_possessive": {
            n: possessive(plural(n)) for n in NOUNS if not n.endswith("s") and plural(n) != n
        },
        "remove_possessive": {possessive(n): n for n in _possessive_nouns()},
        "agent_to_verb": _inverse(t["agent"]),
    }


def _extra_solver(name: str) -> Callable[[str], str]:
    """The solver of one of ``_extra_tables()`` (loaded on first use)."""
    return lambda x: _extra_tables()[name][x]


def _extra_pool(name: str) -> Callable[[], list[str]]:
    return lambda: sorted(_extra_tables()[name])


_PAST_SUBJECTS = ("I", "you", "he", "she", "we", "they")


def _pronoun_past(x: str) -> str:
    subject, verb = x.split(" ")
    if subject not in _PAST_SUBJECTS or verb not in IRREGULAR:
        raise ValueError(f"not a pronoun and an irregular verb: {x!r}")
    return f"{subject} {IRREGULAR[verb][0]}"


def _pronoun_irregular(rng: random.Random) -> str:
    return f"{rng.choice(_PAST_SUBJECTS)} {rng.choice(sorted(IRREGULAR))}"


# training-only siblings (``builtin_suite(extra=True)``): other forms of the irregular verbs, other
# -ly adverbs, other possessives and other person nouns, beside the held-out irregular_past, adverb,
# possessive and agent_noun
EXTRA_SPECS = [
    spec(
        "participle_to_past",
        "the past participle of an irregular English verb",
        [
            "give the simple past that goes with this past participle",
            "turn the third form of the irregular verb into its second form, like gone to went",
            "change the participle into the plain past tense of the same verb",
            "write the past simple of the verb whose past participle this is",
            "go from the form used after have to the form used for yesterday, e.g. eaten gives ate",
        ],
        _extra_solver("participle_to_past"),
        pool=_extra_pool("participle_to_past"),
        training_phrasings=[
            "convert the past participle to the simple past",
            "tell me the plain past form that goes with this participle, so swum becomes swam",
            "return the preterite of the irregular verb whose past participle is given",
            "find which simple past pairs with this participle in the verb's conjugation",
        ],
    ),
    spec(
        "past_perfect",
        "an irregular English verb",
        [
            "put the irregular verb into the past perfect, with had in front",
            "write had followed by the verb's past participle, like had gone for go",
            "give the past perfect form of the verb",
            "turn the verb into the had ... form used for an earlier past",
            "say how the verb reads for something that had already happened, e.g. had eaten for eat",
        ],
        _extra_solver("past_perfect"),
        pool=_extra_pool("past_perfect"),
        training_phrasings=[
            "make the verb past perfect",
            "put had before the verb's participle form, so swim becomes had swum",
            "output the pluperfect: had plus the past participle of the irregular verb",
            "conjugate the irregular verb into the tense used for an action finished before another past event",
        ],
    ),
    spec(
        "pronoun_irregular_past",
        "a pronoun followed by an irregular verb",
        [
            "put the verb after the pronoun into the simple past",
            "rewrite the two words in the past tense, keeping the pronoun, like we went for we go",
            "change the irregular verb to its past form and keep the subject",
            "turn the present pronoun-and-verb pair into the past",
            "say the same thing as having happened yesterday, e.g. they ate for they eat",
        ],
        _pronoun_past,
        sample=_pronoun_irregular,
        training_phrasings=[
            "make the two words past tense",
            "keep the pronoun and swap the verb for its simple past, so I swim turns into I swam",
            "output the pronoun unchanged followed by the simple past of the irregular verb",
            "shift the little phrase back in time by putting its verb in the preterite",
        ],
    ),
    spec(
        "negative_adverb",
        ADJ,
        [
            "make the negative -ly adverb of the adjective, like unhappily from happy",
            "give the adverb of the adjective's opposite formed with un-, in-, im-, il-, ir- or dis-",
            "negate the adjective with a prefix and then turn it into an adverb ending in -ly",
            "write the -ly adverb meaning in a way that is not this, e.g. impossibly from possible",
            "derive the prefixed negative manner adverb of the adjective",
        ],
        _extra_solver("negative_adverb"),
        pool=_extra_pool("negative_adverb"),
        training_phrasings=[
            "form the opposite adverb with a negative prefix and -ly",
            "add the right not-prefix and an -ly ending, so fair gives unfairly",
            "apply the adjective's standard negative prefix, then the -ly suffix with its spelling rules",
            "build an adverb from the adjective's negated form, such as illegally from legal",
        ],
    ),
    spec(
        "ness_to_adverb",
        "a noun ending in -ness",
        [
            "turn the -ness noun into the matching adverb ending in -ly",
            "give the -ly adverb that goes with the quality named by the noun, like kindly from kindness",
            "remove -ness and make an adverb with -ly, minding the spelling",
            "change the abstract noun into the adverb of the same adjective",
            "go from the noun for a quality to the word for acting that way, e.g. happily from happiness",
        ],
        _extra_solver("ness_to_adverb"),
        pool=_extra_pool("ness_to_adverb"),
        training_phrasings=[
            "convert the -ness noun to an -ly adverb",
            "swap the -ness ending for -ly, fixing the spelling, so gentleness turns into gently",
            "map the abstract noun in -ness to the -ly adverb of its underlying adjective",
            "find the adverb that shares its adjective with this noun",
        ],
    ),
    spec(
        "plural_possessive",
        "a singular English noun",
        [
            "write the plural possessive of the noun",
            "make the noun plural and then possessive, like dogs' or children's",
            "give the form that shows something belongs to several of them",
            "turn the singular noun into its plural with the apostrophe of ownership",
            "write the noun as it stands before a thing that several of them own, apostrophe included",
        ],
        _extra_solver("plural_possessive"),
        pool=_extra_pool("plural_possessive"),
        metric="strict",
        training_phrasings=[
            "form the plural genitive of the noun",
            "turn it into the form for something a bunch of them own, like cats' or mice's",
            "output the plural form of the noun with 's appended, or only an apostrophe if the plural ends in s",
            "write the form that fits in a phrase such as the horses' stable, where several of them are the owners",
        ],
    ),
    spec(
        "remove_possessive",
        "an English noun in the possessive",
        [
            "remove the possessive ending from the noun",
            "drop the 's or the lone apostrophe and give the plain noun",
            "turn the possessive back into the ordinary noun, like dogs' to dogs or child's to child",
            "write the noun without its apostrophe of ownership",
            "undo the possessive and name the noun that owns something",
        ],
        _extra_solver("remove_possessive"),
        pool=_extra_pool("remove_possessive"),
        training_phrasings=[
            "cut off the apostrophe ending",
            "take off the apostrophe bit, so cat's is just cat and cats' is just cats",
            "return the noun with its genitive marker removed, keeping any plural -s",
            "write the noun as it was before it was made possessive",
        ],
    ),
    spec(
        "agent_noun_or",
        VERB,
        [
            "give the -or noun for a person who does the action",
            "turn the verb into the noun ending in -or for someone who does it, like actor from act",
            "add -or to the verb to name the person doing it, minding the spelling",
            "name the doer of the verb with the suffix -or",
            "say what you call somebody who does this, using -or, e.g. sailor for sail",
        ],
        _lookup(OR_AGENTS),
        pool=lambda: sorted(OR_AGENTS),
        training_phrasings=[
            "make the -or person noun from the verb",
            "tell me the word for a person who does this, ending in -or, like editor for edit",
            "derive the agentive noun of the verb with the suffix -or, dropping a final e",
            "convert the verb into the -or word for its performer",
        ],
    ),
    spec(
        "recipient_noun_ee",
        VERB,
        [
            "give the -ee noun for the person the action is done to",
            "turn the verb into the noun for someone it happens to, like employee from employ",
            "add -ee to the verb to name the person on the receiving end, minding the spelling",
            "name the person who undergoes the verb, with the suffix -ee",
            "say what you call somebody to whom this is done, e.g. trainee for train",
        ],
        _lookup(EE_NOUNS),
        pool=lambda: sorted(EE_NOUNS),
        training_phrasings=[
            "make the -ee noun from the verb",
            "tell me the -ee word for whoever this gets done to, like payee for pay",
            "derive the noun in -ee denoting the person affected by the verb, dropping a final e",
            "convert the verb into the -ee word for its target or beneficiary",
        ],
    ),
    spec(
        "agent_to_verb",
        "an -er noun for a person who does something",
        [
            "give the verb that the -er noun for a person comes from",
            "remove the -er ending and restore the verb, like teach from teacher",
            "turn the noun for the doer back into the action, minding the spelling",
            "write the verb behind this person noun",
            "say what the person does, as a bare verb, e.g. swim for swimmer",
        ],
        _extra_solver("agent_to_verb"),
        pool=_extra_pool("agent_to_verb"),
        training_phrasings=[
            "reduce the -er person noun to its verb",
            "tell me the action behind this -er word, so baker gives bake",
            "map the agentive -er noun back to its base verb, undoing any spelling change",
            "work out which verb this doer noun was built from",
        ],
    ),
]
