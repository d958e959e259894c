"""The extractor's lexicon: event cues, statistics and policy vetoes, dates and counts.

English and French patterns of how reports describe small-boat incidents.
Each is a general pattern of the domain (a verb, a cue noun, a count, a date
form), never a phrase of one particular report. Patterns are matched on one
clause at a time, case-insensitively.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from geo.extract._regex import (
    factored,
    folded_finditer,
    folded_search,
    gated,
    lowered,
    without_case,
)
from geo.vocabulary import EventType

_FLAGS = re.IGNORECASE

# -- events ---------------------------------------------------------------------------

_BOAT = (
    r"(?:small[ -])?(?:boats?|dinghy|dinghies|vessels?|inflatables?|craft|rh?ibs?|canoes?|kayaks?)"
)
"""A boat in English; a rigid-hulled inflatable is a RIB or a "RHIB"."""
_BOAT_FR = r"(?:bateaux?|embarcations?|canots?|zodia(?:c|que)s?|pneumatiques?|small[ -]boats?)"
_PARTY = (
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty"
    r"|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    r"|vingt|trente|quarante|cinquante"
)
"""A number of people found together, in figures or words ("seven", "douze", "twenty")."""

_NOT_BY_WEATHER = (
    r"(?<!weather )(?<!wind )(?<!winds )(?<!storm )(?<!fog )(?<!seas )(?<!conditions )"
)
"""Not right after the weather: a stop is someone's doing, and "the storm prevented three
crossings" or "fog prevented two lifeboats from sailing" stopped no one."""

_ENGLAND_FR = r"(?:l['’]\s*angleterre|le royaume-uni|la grande-bretagne|les côtes anglaises)"
_ENGLAND = r"(?:england|britain|the uk|the united kingdom|the english coast)"
"""England as the aim of a crossing: a crossing tried from a beach ("ont tenté de rejoindre
l'Angleterre au départ de X", "tried to reach England from X") set off from it."""

_NOT_RESCUERS = (
    rf"(?={_BOAT})(?<!force )(?<!police )(?<!rescue )(?<!navy )(?<!patrol )(?<!coastguard )"
)
"""No rescuers' or police word right before a boat: "the Border Force boat … was launched from
Dover" set out to help; the boat that "was launched from" a beach is the migrants'. The
look-ahead for the boat goes first so the look-behinds are only tried where a boat word starts."""

_BOAT_SENT_BACK = (
    rf"(?<!in )(?<!on )(?<!by )(?<!aboard )(?:an?|the|one|another|their)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_NOT_RESCUERS}{_BOAT}\b(?:\W+\w+){{0,6}}?\W+(?:was|were|had been|has been|have been)"
    r"\s+(?:\w+\s+)?(?:returned|escorted back|sent back) to"
)
"""A boat itself sent back where it set out ("a dinghy carrying 13 men was returned to Calais",
"the boat was escorted back to the French coast"): stopped at sea. People "returned to France"
under a returns deal are no boat; one "who arrived in a small boat" is not its subject."""
BOAT_SENT_BACK_TO = re.compile(rf"\b{_BOAT_SENT_BACK}\s+(?:the\s+)?$", _FLAGS)
"""Words leading to where a boat was sent back: that port is where it was stopped, off it."""

_LEFT_ABOARD = (
    r"(?:left|leaving|leave|leaves|departed) (?:[\w'’-]+ ){1,3}?(?:aboard|on board|in|on)"
    rf" (?:an?|the|their|two|three|\d+) (?:[\w-]+ ){{0,2}}?{_NOT_RESCUERS}{_BOAT}\b"
)
"""A place left in a boat ("had left France aboard a boat", "left Gravelines in two dinghies"):
the boat set off there; a lifeboat or a police boat that left a port went to help."""

_NOT_A_LIFEBOAT = r"(?!\s+(?:de sauvetage|de la snsm|tous?[ -]temps))"
"""Not a lifeboat's name after a boat ("canot de sauvetage", "canot tous temps"): the
migrants' boat takes people aboard or leaves a beach; a lifeboat sets out to help."""

_TAKEN_IN = r"pris(?:es)? en charge|prennent en charge|prend en charge(?!\s+(?:la|le)\s)"
"""People taken in hand ("pris en charge"): a rescue's cue that says nothing of at sea or ashore
("prend en charge la suite" is no one taken in)."""
TAKEN_IN = re.compile(_TAKEN_IN, _FLAGS)
_IN_ENGLAND_FR = (
    r"(?:en\s+angleterre|en\s+grande-bretagne|au\s+royaume-uni|sur\s+les\s+côtes\s+anglaises"
    r"|outre-manche)"
)
"""In England, as a French report says where people ended up ("pris en charge en Angleterre")."""
_TAKEN_IN_ENGLAND = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,2}}?{_IN_ENGLAND_FR}", _FLAGS)
"""England right after people "pris en charge": they were taken in where they landed."""

_DISABLED = (
    r"(?:punctur(?:e|es)|slash(?:es)?|slic(?:e|es|ed|ing)(?: open)?|disabl(?:e|es|ed|ing)"
    r"|deflat(?:e|es|ed|ing)|confiscat(?:e|es)|seiz(?:e|es))(?: at)? (?:an?|the|their|another|two"
    rf"|three|\d+) (?:[\w-]+ ){{0,2}}?{_BOAT}"
    r"|(?:confiscat|seiz|punctur|slash)(?:ed|ing) (?:[\w-]+ )?(?:boats|dinghies|inflatables"
    r"|vessels)"
    r"|dispers(?:ed|ing|ée?s?|ent|aient|ait|er) (?:(?!camps?\b|campements?\b|tents?\b|tentes?\b)"
    r"[\w'’-]+\W+){0,8}?(?:plage|beach|shore|rivage|dunes?|prendre la mer|embarquer|launch|board"
    rf"|{_BOAT}|{_BOAT_FR})\b"
)
"""Police putting a boat out of use ("slash a dinghy", "sliced open the boat", "disabled their
dinghy", "seized boats") or scattering those about to board one ("dispersed a group on the
beach"): a departure stopped. "A deflated dinghy", "a disabled boat" (no article after the
verb) were found or adrift, and a camp dispersed is no departure."""

_ESCORTED_TO_THE_LINE = (
    r"escort(?:ed|ing|s)?\s+(?:[\w'’-]+\s+){0,5}?(?:in)?to\s+(?:the\s+)?(?:british|uk|english"
    r"|french)\s+(?:waters|side|border)"
    r"|(?:escort|accompagn)(?:ée?s?|er|ent|ait|aient|e|ant)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:jusqu['’]\s*(?:aux|à\s+la|à)|vers\s+(?:les|la)|dans\s+les)\s+(?:eaux|frontière|limite"
    r"|zone)\s+(?:britanniques?|anglaises?|françaises?|maritime)"
)
"""A boat escorted by a patrol to the other country's waters ("escorted the dinghy into British
waters", "accompagnée jusqu'aux eaux anglaises"): watched over at sea and handed over, a rescue
operation where it was met; no landing, no stop on a beach."""
_PICKED_UP_AT_SEA = (
    r"(?:people|migrants|persons|passengers|men|women|children|others|asylum seekers|occupants)"
    r"\s+(?:who\s+(?:were|had\s+been)\s+|being\s+|later\s+)?picked\s+up\s+(?:off|between|near"
    r"|mid-channel|mid-sea|in\s+the\s+channel|at\s+sea|from\s+the\s+(?:sea|water))"
)
"""People told as "picked up" at sea ("30 migrants picked up between A and B", "migrants being
picked up off A"): taken aboard a rescuers' or a patrol boat there. Picked up from a beach or by a
taxi boat they boarded one (an embarkation)."""

_SENT_TO_INTERCEPT = r"(?:sent|deployed|dispatched|tasked|scrambled) to intercept"
"""A patrol boat sent after a boat ("a cutter was sent to intercept it")."""
PURSUED = re.compile(rf"\b(?:alerted to|{_SENT_TO_INTERCEPT})\b", _FLAGS)
"""A boat Border Force was "alerted to" or "sent to intercept": met at sea by the place it is told
near, not landed there (stopped "near" it with no such chase, it had landed)."""
_PATROL_AFTER_A_BOAT = (
    r"border force (?:was|were|had been|has been) alerted to (?:an?|another|the|two|three|\d+)"
    rf" (?:[\w-]+ ){{0,2}}?{_BOAT}\b"
    r"|(?:sent|went|deployed|dispatched) out and (?:located|met|found|reached) (?:an?|the"
    rf"|another|two|three|\d+) (?:[\w-]+ ){{0,2}}?{_BOAT}\b"
    rf"|{_SENT_TO_INTERCEPT}\b"
    r"|(?:(?:police|officers) and )?border force(?: and (?:[\w-]+ )?police)? (?:officers |staff )?"
    r"responded to (?:an? |the )?(?:incident|reports?|calls?|sighting)\b"
)
"""The British patrol sent after a boat: Border Force "alerted to a dinghy", a cutter "sent out and
located a RIB", a vessel "sent to intercept", Border Force (with the police) that "responded to
the incident": the boat was met where the report places it, at sea an interception, on an
English shore a landing. A cutter sent out on patrol that found no boat, and the police alone
answering a call, met no one."""
_VESSEL_PULLING_IN = (
    r"carrying (?:[\w'’-]+ ){0,8}?(?:migrants|people|asylum seekers)\b(?:\W+[\w'’-]+){0,8}?"
    r"\W+(?:pull(?:ed|ing|s)?|sail(?:ed|ing|s)?|steam(?:ed|ing|s)?) into\b"
)
"""A boat "carrying a dozen migrants" seen "pulling into Dover": it brought them in, a landing.
A ferry pulling into port with its passengers carries no crossers."""
_BOAT_LEFT_ABANDONED = (
    rf"{_NOT_RESCUERS}{_BOAT}\s+(?:(?:that|which)\s+)?(?:were|was|had been|have been|has been"
    r"|lay|lying|left)\s+(?:\w+\s+)?abandoned"
    rf"|{_BOAT_FR}\s+(?:qui\s+)?(?:avai(?:t|ent)\s+été|a\s+été|ont\s+été|étai(?:t|ent)|sont|est)"
    r"\s+(?:\w+\s+)?abandonnée?s?"
)
"""Boats told as left behind ("two dinghies that were abandoned", "des embarcations qui avaient
été abandonnées"): the trace of a landing or a departure where they lie, as "abandoned boats"."""

EVENT_CUES: dict[EventType, re.Pattern[str]] = {
    EventType.DEATH: re.compile(
        r"\b(?:found dead|pronounced dead"
        r"|(?:was|were|are|is|been|be) (?:found |confirmed |declared )?dead"
        r"|died|dies|(?<!who )(?<!that )die (?=(?:in|off|near|at|after|while|as|during)\b)"
        r"|drowned(?! out\b)|drowning of|lost (?:their|his|her) li(?:fe|ves)|killed"
        r"|(?:crushed|trampled) to death|suffocated|lifeless|fatalit(?:y|ies)|perish(?:ed|es|ing)?"
        r"|succumb(?:ed|s|ing)? to|succomb(?:é|ée?s|er|e|ent|ait|aient)\b"
        r"|cadavres?|(?:la|sa|une|les|leurs?|des) dépouilles?"
        r"|(?:human|mortal) remains|(?:his|her|their|the) remains (?:were|was|have been|had been)"
        r" (?:found|discovered|recovered|washed|retrieved)"
        r"|(?<!after the )(?<!following the )deaths? of"
        r"|bod(?:y|ies)\b(?:\W+\w+){0,6}?\W+(?:found|recovered|discovered|washed|pulled|spotted"
        r"|brought|retrieved)"
        r"|(?:found|recovered|discovered|pulled out)(?:\W+\w+){0,4}?\W+bod(?:y|ies)\b"
        r"|bod(?:y|ies)\b(?=.*\b(?:found|recovered|discovered|washed|pulled|retrieved)\b)"
        r"|dead (?:man|men|woman|boy|girl|child|person|migrant|teenager)"
        r"|(?:macabre|grim|gruesome|tragic) discovery|(?:macabre|terrible|triste) découverte"
        r"|découverte macabre"
        r"|morts?\b|mortes?\b|décédée?s?|noyée?s?(?! sous\b)|sans vie|ont péri|a péri"
        r"|perdu la vie|décès"
        r"|meurt|meurent|décède|décèdent|se noie|se noient|périt|périssent"
        r"|(?:trouvé|trouvent|trouve|trouvaient|trouvait) la mort"
        r"|(?:pas|sans)\s+(?:pu|réussi à|réussir à|parvenu à|parvenir à)\s+(?:être |le |la |les"
        r" |l['’])?réanim(?:er|ée?s?)"
        r"|could not be (?:revived|resuscitated)|(?:failed|unable) to (?:revive|resuscitate)"
        r"|corps)\b",
        _FLAGS,
    ),
    EventType.RESCUE: re.compile(
        rf"\b(?:rescued|rescues|rescuing|(?:had to|helped|help|to) rescue|(?:demand\w*|request\w*"
        r"|port(?:er|ée?s?|e|ent|ait|aient)) (?:l['’])?assistance"
        r"|(?:scrambled|launched|called out|sent|dispatched|tasked)"
        r" to (?:rescue|search for|look for|help|assist)"
        r"|rnli\b(?:\W+\w+){0,6}?\W+(?:launched|scrambled|called out|tasked|paged)"
        r"|lifeboats?\b(?:\W+\w+){0,6}?\W+(?:launched|scrambled|called out|tasked|sent"
        r"|dispatched|requested|paged)|in distress"
        r"|search and rescue(?! (?:helicopters?|teams?|crews?|centres?|services?|charit(?:y|ies)"
        r"|organi[sz]ations?|region|zone|exercises?|drills?|training))"
        r"|rescue (?:operation|mission)|(?:engag(?:ée?s?|e|ent)|dépêch(?:ée?s?|e|ent)|envoyée?s?"
        r"|envoient|envoie|mobilis(?:ée?s?|e|ent)|pris la mer|prend(?:re|nent)? la mer|mise?s?"
        r"|élancée?s?"
        r"|intervenue?s?|intervien(?:nen)?t)"
        r"(?:\W+\w+){0,12}?\W+pour (?:aller )?(?:leur |les |l['’])?(?:secourir|porter secours"
        r"|récupérer|rechercher|chercher"
        r"|porter assistance|venir en aide"
        rf"|aider (?:une?|les|des|la|le|l['’])\s*(?:[\w-]+\s+)?(?:{_BOAT_FR}|migrants|personnes"
        r"|exilés|naufragés|passagers|occupants))"
        r"|secours (?:ont|sont|avaient|étaient) (?:(?!pas\b)\w+ ){0,3}?(?:été )?(?:déclenchés"
        r"|engagés|mobilisés|dépêchés|intervenus|alertée?s?)"
        r"|(?:got |get |getting |ran |run )?into (?:[\w-]+ )?difficult(?:y|ies)"
        r"|in (?:[\w-]+ )?difficult(?:y|ies)|en (?:[\w-]+ )?difficulté|en perdition"
        r"|appel(?:é|ée|és|ées|ent|aient|ait|le|lent)? à l['’]aide|appels? de détresse"
        r"|(?:call(?:s|ed|ing)?|calls?) for help"
        rf"|(?:{_BOAT}|{_BOAT_FR}) (?:\w+ )?in trouble|stranded|(?:ran|run|running) aground"
        r"|aground|(?:stuck|caught|bloquée?s?|coincée?s?|prise?s?) (?:\w+ )?(?:on|sur) (?:a|un)"
        r" (?:banc de sable|sandbank|sand ?bar)|ensablée?s?|(?:se sont|s['’]être|s['’]étaient)"
        r" échoués|en (?:panne|avarie) (?:de )?moteur|en panne|en avarie"
        r"|(?:was|were|got|get|getting) (?:in|into) trouble|suffered (?:an? )?engine failure"
        r"|(?:interventions?|opérations?) de secours"
        r"|(?<!gilet de )(?<!gilets de )(?<!bouée de )(?<!bouées de )"
        r"(?<!surveillance et de )(?<!canot de )(?<!canots de )(?<!centre de )"
        r"(?<!centre régional de )(?<!navire de )(?<!vedette de )(?<!station de )(?<!bateau de )"
        r"(?<!hélicoptère de )"
        r"(?<!remorqueur de )(?<!moyens de )(?<!société nationale de )(?<!exercice de )"
        r"(?<!exercices de )sauvetages?"
        r"|(?:was|were|been) (?:picked up|winched|airlifted|plucked)|saved|brought to safety"
        r"|(?:winched|helped|pulled|lifted|hauled|taken|carried|airlifted|ferried|led|guided|escorted)"
        r" (?:[\w'’-]+ ){0,3}?to safety|pulled (?:[\w'’-]+ ){0,3}?(?:aboard|on ?board)"
        rf"|picked up (?:an? |the |one |two |three |\d+ )?(?:[\w-]+ ){{0,2}}?(?:{_BOAT})"
        r"|(?:picked up|recovered|took (?:on ?board|aboard)) (?:a further |another |some |around"
        r" |about |the |all |all the )?"
        r"(?:\d+|two|three"
        r"|four|five|six"
        r"|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty(?:-[a-z]+)?) (?:people|migrants"
        r"|persons|passengers|men|women|others)"
        r"|picked up (?:a further |another |some |around |about )?\d+ (?=(?:off|from|near) )"
        r"|an? (?:dramatic |major |night-time )?rescue (?:off|near|at|in)"
        r"|(?:came|come|comes|coming|went|go|goes|going|gone) to (?:the|their|its) aid"
        r"|secourue?s?|sauv(?:ée?s?|er|era|eront|ait|aient)"
        r"|(?:venue?s?|vient|viennent|venaient|venait) en aide"
        r"|port(?:ée?s?|e|ent) secours|(?:deployed|sent|tasked|called|scrambled) to (?:assist"
        r"|help)|assisted"
        r"|(?:été|sont|est) recueillie?s?|recueillie?s? à bord"
        r"|en détresse|récupérée?s?(?! (?:de nouveaux|d['’]autres) passagers)"
        r"|repêch(?:ée?s?|ent|e)|(?:fished|pulled|plucked) (?:out of|from)"
        r" the (?:water|sea)|(?<!la )(?:sortie?s?|tirée?s?|extraite?s?) de l['’]eau"
        rf"|{_TAKEN_IN}|hélitreuillée?s?|treuill(?:ée?s?|ent|e|er|ait|aient)\b"
        r"|(?:personnes?|migrants?|exilée?s?|naufragée?s?|passagers?|passagères?|occupants?)"
        r"(?:\W+\w+){0,4}?\W+mise?s? en sécurité"
        r"|(?:réussi à|parvenue?s? à|pu)\s+(?:(?:en|les|l['’]|la|le|leur|y)\s*)?"
        r"(?:secourir|récupérer|hélitreuiller)|secourent|secourt"
        r"|récupèrent|récupère|hélitreuillent|hélitreuille"
        r"|(?:prise?s?|hissée?s?) à bord (?:du|de|d['’]|par)"
        r"|(?:(?:a|ont|avait|avaient) pris|prend|prennent) à (?:son|leur) bord"
        r"|taken (?:on ?board|aboard)"
        r"|naufragée?s?\s+(?:\w+\s+){0,2}?(?:sont|ont été|a été|est)\s+(?:\w+\s+)?"
        r"(?:identifiée?s?|repérée?s?|localisée?s?|retrouvée?s?)"
        r"|(?:a|ont|avait|avaient)\s+(?:pu\s+)?(?:être|été)\s+réanimée?s?"
        r"|(?:was|were|been)\s+(?:successfully\s+)?(?:resuscitated|revived)"
        rf"|{_ESCORTED_TO_THE_LINE}|{_PICKED_UP_AT_SEA})\b",
        _FLAGS,
    ),
    EventType.INTERCEPTION: re.compile(
        r"\b(?:intercepted|interceptions? of|(?:was|were|been) (?:stopped|prevented|blocked"
        r"|turned back|halted)|stopped (?:by|from|a|an|the|more|some|a further|another|dozens"
        r"|hundreds|\d+)|tried to (?:stop|intercept|prevent|block|halt)|attempted to (?:stop"
        r"|intercept|prevent)|prevent(?:ed|ing) (?:from|a|an|the|\d+|dozens|hundreds|more)|thwarted"
        rf"|{_NOT_BY_WEATHER}prevent(?:ed|ing) (?:another|{_PARTY})(?: further| more| other)?"
        rf" (?:attempted )?(?:crossings?|attempts?|departures?|people|migrants|{_BOAT})"
        r"|foiled"
        r"|(?:punctur|slash|seiz|confiscat)(?:ed|ing) (?:at )?(?:a|an|the|their|another|two|three"
        r"|\d+)"
        r"|tear[- ]?gas|turned back|(?<!not )(?<!pas )intervened|(?<!pas )intervenue?s?"
        r"|(?<!pas )dû intervenir|had to intervene"
        r"|(?:crev(?:é|ant|ent|aient|ait|er)|crève(?:nt)?|lacér(?:é|ant|ent|aient|ait|er)|lacère"
        r"|taillad(?:é|ant|ent|aient|ait|er|e)|confisqu(?:é|ant|ent|aient|ait|er|e)"
        r"|mise?s? hors d['’](?:état|usage)"
        rf"|percé|perçant|percer|détruit)(?:\W+\w+){{0,3}}?\W+(?:{_BOAT_FR}|pneumatiques?)"
        rf"|{_BOAT}[- ]slashing|{_DISABLED}"
        r"|interceptée?s?|interpellée?s?|(?<!pas )(?<!jamais )empêchée?s?|déjouée?s?|stoppée?s?"
        r"|avortée?s?"
        rf"|arraisonn(?:ée?s?|ent|e|ait|aient|er)(?:\W+\w+){{0,3}}?\W+{_BOAT_FR}"
        rf"|{_BOAT_FR}(?:\W+\w+){{0,6}}?\W+arraisonnée?s?"
        r"|interceptent|intercepte|interpellent|interpelle|(?<!pas )(?<!jamais )empêch(?:ent|e)"
        r"|(?:ont|a|avaient|avait) été (?:arrêtée?s?|surprise?s?|contrée?s?)|arrested"
        r"|(?<!were )(?<!was )(?<!been )(?<!being )(?<!be )detained (?:[\w-]+ ){0,2}?(?:people"
        r"|migrants|asylum seekers)"
        r"|mise?s? en échec"
        r"|(?:(?:mis|mettre|met|mettent) fin à|fai(?:t|re|ts|saient|sait) échouer)"
        r" (?:une?|la|leur|des|deux|trois|\d+) (?:tentatives? de (?:traversée|départ|passage)"
        r"|départs?|traversées?)"
        r"|(?:broke|break|breaks|breaking) up (?:an? |the |their |two |three |\d+ )?"
        r"(?:launch(?:es)?|departures?|(?:crossing )?attempts?)"
        r"|(?:fai(?:t|re|ts)|réussi à|parvenue?s? à|pu)\s+(?:(?:en|les|l['’]|la|le|y)\s*)?"
        r"(?:interpeller|intercepter|arrêter"
        r"|stopper)"
        r"|(?:ont|a|avaient|avait) (?:mis|mise) en échec"
        r"|(?:découvert|trouvé|surpris|found|discovered|caught)(?:\W+[\w'’-]+){0,14}?\W+"
        r"(?:s['’]apprêt\w*\s+à|se\s+prépar\w*\s+à|sur le point de|about to|(?:preparing"
        r"|getting ready) to)\s+(?:faire la traversée|traverser|partir|prendre la mer|embarquer"
        r"|cross|make the crossing|set (?:off|out|sail)|launch|leave|board)"
        rf"|(?:{_BOAT_FR}|moteurs?)(?:\W+\w+){{0,6}}?\W+(?:ont|a|avait|avaient) été (?:saisie?s?"
        r"|confisquée?s?|crevée?s?|lacérée?s?|percée?s?|tailladée?s?"
        r"|mise?s? hors d['’](?:état|usage))"
        r"|dissuadée?s? de (?:partir|prendre la mer|traverser|embarquer|tenter)"
        r"|dissuaded from (?:leaving|launching|crossing|setting (?:off|out)|boarding|making)"
        rf"|halt(?:ed|ing|s)? (?:the |a |an |their |two |three |\d+ )?(?:[\w-]+ )?(?:departures?"
        rf"|launch(?:es)?|crossings?|{_BOAT})\b"
        rf"|{_BOAT_SENT_BACK}|{_PATROL_AFTER_A_BOAT})\b",
        _FLAGS,
    ),
    EventType.DEBRIS: re.compile(
        rf"\b(?:{_BOAT_LEFT_ABANDONED}|debris|wreckage"
        r"|(?:abandoned|empty|deflated|punctured|burst|damaged|wrecked"
        rf"|discarded|deserted|washed-up) {_BOAT}|life ?jackets? (?:were |was |had been )?(?:found"
        r"|washed|left|abandoned|strewn|littered|discovered)|washed (?:up|ashore)|débris|épaves?"
        rf"|{_BOAT_FR} (?:vides?|abandonnée?s?|dégonflée?s?|crevée?s?)|gilets? de sauvetage"
        r" (?:abandonnés|retrouvés)|s'est échouée?|échouée? sur|(?<!se sont )(?<!s'est )"
        rf"(?<!s’est ){_BOAT_FR} échouée?s?|gilets?(?: de sauvetage)? (?:\w+ )?à la dérive"
        r"|(?:(?:a|ont|avait|avaient)\s+(?:(?!été\b)\w+\s+){0,2}?(?:retrouvé|découvert|trouvé)"
        r"|(?<!were )(?<!was )(?<!been )(?<!being )(?:found|discovered))\s+(?:\w+\s+){0,3}?"
        rf"(?:{_BOAT_FR}|{_BOAT})(?!\s+(?:with|carrying|avec|transportant)))\b",
        _FLAGS,
    ),
    EventType.EMBARKATION: re.compile(
        rf"(?<!on )\b(?:board(?:ed|ing|s)?\b(?:\W+\w+){{0,4}}?\W+{_BOAT}|taxi[ -]boats?"
        r"|(?:climb|clamber)(?:ed|ing|s)? (?:aboard|onto|into|on board)"
        r"|scrambl(?:ed|ing|es?) (?:aboard|on board|onto)"
        r"|jump(?:ed|ing|s)? (?:onto|into|aboard|on board) (?:an? |the |their )?(?:[\w-]+ )?"
        rf"{_BOAT}"
        r"|(?:made|make|makes|making) a (?:dash|run|rush|break) for (?:the )?(?:sea|water|waves"
        r"|boats?|dinghy)|(?:crammed|squeezed|piled|packed)"
        r" (?:onto|into|aboard)|wad(?:ed|ing|e) (?:out )?(?:into the (?:sea|water) )?(?:to|towards)"
        r" (?:a|the|waiting)|picked up (?:migrants|people|passengers|groups|more)"
        r"|(?:ran|running|run|rushed|rushing|waded|wading|walked|walking|jumped|sprinted"
        r"|sprinting|dashed|dashing|swam|swimming) (?:[\w'’-]+ ){0,4}?(?:out )?(?:into|to|towards)"
        r" (?:the |a |an )?(?:waiting )?(?:sea|water|waves|dinghy|boat|taxi boat|inflatable)"
        r"|(?:get|got|getting|gets) (?:on board|aboard|onto|into) (?:the |a )?(?:boat|dinghy)?"
        r"|embarqu(?:é|és|ée|ées|er|aient|ent)"
        r"|mont(?:é|és|ée|ées|er|ent|aient|ait|ant) à bord(?! (?:de|d['’]|du)"
        r" (?:leurs? |la |sa |une? )?(?:vedette|patrouilleur|navire|hélicoptère|ferry"
        r"|canot de sauvetage|canot tous temps))"
        r"|(?:(?:entr|avanc|march)(?:é|és|ée|ées|ent|aient)|(?:wad|walk)(?:ed|ing))"
        r" (?:dans|into) (?:l['’]eau|la mer|the (?:water|sea)) (?:[\w'’-]+ ){0,4}?(?:pour|to)"
        r" (?:rejoindre|regagner|atteindre|reach|get to|join)"
        r" (?:une?|le|la|l['’]|leur|their|an?|the) ?(?:[\w-]+ )?"
        rf"(?:{_BOAT_FR}|{_BOAT}|taxi)"
        r"|(?:rejoindre|rejoint|rejoignent|rejoignaient|regagner) (?:l['’]|une |la |le |leur |un )"
        r"(?:embarcation|bateau|canot|zodia(?:c|que)|pneumatique|taxi)"
        r"|grimp(?:é|és|ée|ées|er|ent|aient|e) (?:\w+ )?(?:dans|à bord|sur)"
        r" (?:un|une|le|la|l['’]|leur)"
        r"|bateaux?[ -]taxis?|embark(?:ed|ing|s)?\b(?!\s+(?:on|upon)\b)"
        r"|récupér\w* (?:à (?:son|leur) bord )?(?:de nouveaux|d['’]autres) passagers"
        rf"|(?:{_BOAT_FR}|{_BOAT})(?!\s+(?:de sauvetage|de la snsm|tous?[ -]temps"
        r"|des gendarmes|de (?:la )?(?:police|gendarmerie|douane)))(?:\W+\w+){0,3}?\W+"
        r"(?:vien(?:nen)?t|venai(?:en)?t|venant|venue?s?|(?:came|come|comes|coming)(?: in)? to)"
        r"\s+(?:\w+\s+)?(?:chercher|récupérer|pick up|collect|fetch)\s+(?:des|les|d['’]autres"
        r"|leurs?|de nouveaux|people|migrants|passengers|groups|more|others|them|the)\b)\b",
        _FLAGS,
    ),
    EventType.LAUNCH: re.compile(
        rf"\b(?:launch(?:ed|es|ing)?\b(?:\W+\w+){{0,3}}?\W+{_BOAT}|{_BOAT} (?:was|were|had been"
        rf"|being) launched|{_NOT_RESCUERS}{_BOAT}\b(?:\W+\w+){{1,8}}?\W+(?:was|were|had been)"
        r" launched from|(?:set|sets|setting) (?:off|out|sail) from|cast(?:s|ing)? off from"
        rf"|{_NOT_RESCUERS}{_BOAT} (?:then |later |had |have )?set (?:off|out|sail)"
        r"|(?:had|has|have) set (?:off|out|sail)|set sail"
        rf"|{_NOT_RESCUERS}{_BOAT} (?:then |later |had |have )?launched (?:from|at|off)\b"
        r"|(?:crossing attempts?|attempted crossings?) (?:at|from)\b"
        r"|(?:went|go|goes|going|gone) out to sea"
        rf"|(?:{_BOAT}|{_BOAT_FR}|trawlers?|chalutiers?)(?:\W+\w+){{0,5}}?\W+(?:stolen|volée?s?|dérobée?s?)"
        rf"|(?:stole|volé|dérobé)(?:\W+\w+){{0,3}}?\W+(?:{_BOAT}|{_BOAT_FR}|trawlers?|chalutiers?)"
        r"|(?:lancé|démarré|allumé) (?:le|les|leur|son) moteurs?|(?:left|leaving|leave|leaves"
        r"|departed"
        r"|departing) (?:from|(?:the |a )?(?:beach|beaches|coast|coastline|shore|dunes))|departed"
        rf"|{_LEFT_ABOARD}"
        r"|(?:put|set) (?:out )?to sea|push(?:ed|es|ing)? off (?:from|the (?:beach|shore|coast))"
        r"|took to the (?:water|sea)"
        r"|head(?:ed|ing|s)? (?:out )?(?:to|into) (?:the )?(?:sea|open sea)"
        r"|head(?:ed|ing|s)? out (?:to|into) the channel"
        r"|push(?:ed|ing)? (?:it|them|(?:the|a|their) (?:[\w-]+ ){0,2}?[\w-]+) (?:in)?to"
        rf" the (?:water|sea)|carr(?:y|ied|ying) (?:a|the|their) (?:[\w-]+ ){{0,2}}?{_BOAT}"
        r" (?:down )?(?:in)?to the (?:sea|water|shore)"
        r"|(?:(?:port|pouss|jet)(?:é|ée|és|ées|ent|aient)|jettent|mis|mett(?:ent|aient))\s+(?:une?|les?|la"
        rf"|l['’]|leurs?|des|son|sa)\s*(?:[\w-]+\s+){{0,2}}?{_BOAT_FR}\s+(?:(?:jusqu['’]à|dans|à)"
        r"\s+l['’]eau|(?:jusqu['’]à|dans|vers)\s+la\s+mer)"
        r"|(?:re)?start(?:ed|ing|s)? (?:the |their |its |a )?"
        r"(?:boat(?:'s|’s)? )?engines?|inflat(?:ed|ing) (?:a|the|their) (?:boat|dinghy|dinghies)"
        r"|pris la mer|prend(?:re|nent)? la mer|mise? à l'eau|mises à l'eau|mettre à l'eau"
        r"|mise?s? à la mer|mettre à la mer|(?:pris|prennent|prend|prendre) le large depuis"
        r"|quitté la plage"
        r"|(?:a|ont|avait|avaient|aurait|auraient) quitté (?!(?:ses|son|sa|leurs?|les lieux)\b)"
        r"|(?:parvenue?s?|réussi) à partir|sont parti(?:e|es|s)?|(?:étai|avai)ent parti(?:e|es|s)?"
        r"|(?:se sont|s['’](?:est|étai(?:en)?t)) élancée?s?|s['’]élanc(?:ent|e|aient|ait)\b"
        r"|(?:a|ont|avait|avaient) tenté (?:une|la|leur) traversée"
        r"|(?:pris|prennent|prenaient|prendre) place (?:dans|à bord d['’]|sur) (?:une?\s+|l['’]"
        rf"|la\s+|le\s+|leurs?\s+)?(?:[\w-]+\s+)?{_BOAT_FR}{_NOT_A_LIFEBOAT}"
        rf"|(?:(?:est|était|s['’]est)\s+|{_BOAT_FR}{_NOT_A_LIFEBOAT}(?:\W+\w+){{0,5}}?\W+)"
        r"(?:parti(?:e|es|s)?|partent|partaient|partait|au départ)\s+"
        r"(?:de|d['’]|du|des|depuis)\b|(?:tentatives? de traversée|tenté (?:une|la) traversée"
        r"|entrepris (?:une|la) traversée|tent(?:é|ait|aient|ant) de traverser"
        rf"|tenté de (?:rejoindre|gagner|atteindre|rallier) {_ENGLAND_FR})"
        r"(?:\W+\w+){0,14}?\W+(?:au départ|depuis)\b"
        rf"|tried to (?:reach|get to|cross to) {_ENGLAND} from\b"
        r"|(?:tried|attempted|trying|attempting) to cross (?:the (?:english )?channel )?from\b"
        r"|attempted (?:the|a) crossing from\b"
        r"|(?:mis|met|mettent|mettaient|mettait|pris|prend|prennent|prenaient|prenait) le cap"
        rf" (?:sur|vers|de|en direction de|à destination de)\s+{_ENGLAND_FR}"
        rf"|set (?:a )?course for {_ENGLAND}"
        r"|départs? (?:d['’](?:une?\s+)?|de\s+(?:l['’]|la\s+)?|des\s+)?"
        rf"(?:(?:autre|nouvelle|deuxième|seconde|troisième)s?\s+)?{_BOAT_FR})\b",
        _FLAGS,
    ),
    EventType.ARRIVAL: re.compile(
        r"\b(?:(?:arrived|arrive|arrives|arriving)(?!\s+(?:sur (?:place|les lieux|zone)"
        r"|on (?:the )?scene|at the scene))|arrival of|newly arrived|made it (?:to|into|across)"
        r"|(?:entered|sailed into|steered into) (?:the )?(?:port|harbour|harbor|marina)\b"
        rf"|{_BOAT}\s+(?:[\w-]+\s+){{0,5}}?reached"
        r"(?=\s+(?-i:[A-Z])(?!\w*\s+waters)|\s+the\s+(?:beach|shore))"
        r"|reached (?:the uk|britain|england|the english coast|the kent coast|uk shores"
        r"|british shores|dover|the shore|land|the coast)|landed|c(?:ame|oming|omes?) ashore"
        r"|(?:climb|clamber|scrambl|stepp|walk|stagger)(?:ed|ing|e|es|s)? ashore"
        r"|(?:get|gets|got|getting|climb(?:ed|ing|s)?|stepp(?:ed|ing)|jump(?:ed|ing|s)?)"
        rf" (?:out of|off) (?:an?|the|their) (?:[\w-]+ )?{_BOAT} (?:on|onto) the (?:shore|beach)"
        r"|(?:made|make|makes|making) landfall"
        r"|(?:people|migrants|asylum seekers|passengers|men|women|children|families)(?:\W+[\w'’-]+)"
        r"{0,6}?\W+(?:get|gets|got|getting|step(?:s|ped|ping)?|climb(?:s|ed|ing)?|helped|led) off"
        r" (?:an?|the) (?:border force|rnli|coastguard) (?:[\w-]+ )?(?:boat|vessel|cutter|ship"
        r"|lifeboat)"
        r"|crossed(?! (?:the )?(?:road|street|border|line|lines|path|fingers)\b)"
        r"|(?:brought|taken|towed|transported) (?:[\w'’-]+ ){0,8}?(?:ashore|in|into|to)\b"
        r"(?! (?:the )?hospital)"
        r"|c(?:ame|oming|omes?) in(?:to| to) (?:[\w'’-]+ ){1,3}?(?:on|aboard|in) (?:an?|the|their)"
        rf" (?:[\w-]+ ){{0,2}}?(?:life)?{_BOAT}"
        r"|escort(?:ed|ing|s)? (?:[\w'’-]+ ){0,8}?(?:in)?to"
        r"(?! (?:the )?(?:british|uk|english|french) (?:waters|side))"
        rf"|{_VESSEL_PULLING_IN}"
        r"|(?:helped|guided) (?:[\w'’-]+ ){0,3}?(?:ashore|on ?to (?:the )?(?:shore|beach|dry land"
        r"|quay(?:side)?))"
        r"|landings? (?:at|on|in)|(?:seen|spotted) landing"
        r"|(?:saw|seen|watched)\s+(?:[\w'’-]+\s+){0,4}?(?:people|migrants|asylum seekers"
        rf"|refugees|passengers|men|women|children|families|{_BOAT})\s+land\s+(?:at|on|in)"
        r"|crossed the (?:english )?channel|made the (?:\w+ )?(?:\w+ )?(?:crossing|journey)"
        r"|disembark(?:ed|ing|s)?|arrivée?s? (?!sur (?:place|les lieux|zone))(?:à|en|au|sur|dans)"
        r"|ont débarqué|a débarqué|débarqu(?:ée?s?|ant|e|ent|ait|aient)"
        r"|touch(?:é|ée?s?|e|ent|ait|aient|er) terre|touch(?:ed|es|ing)? (?:dry )?land\b"
        rf"|{_BOAT}\s+(?:[\w-]+\s+){{0,5}}?lands?\s+(?:at|on|in)\b|on ?to dry land"
        r"|(?:ont|avaient) accosté|posé (?:le )?pieds? (?:sur|en|à|au)\b"
        rf"|(?:pris(?:es)?|prennent|prend) en charge\s+(?:[\w'’-]+\s+){{0,2}}?{_IN_ENGLAND_FR}"
        rf"|(?:ont|a|avaient|avait) (?:gagné|rallié) {_ENGLAND_FR}"
        r"|ont atteint|a atteint|ont traversé|a traversé|ont rejoint)\b",
        _FLAGS,
    ),
    EventType.OTHER: re.compile(
        r"\b(?:(?:swam|swimming|swum) (?:back )?(?:to |towards )?(?:the )?"
        r"(?:shore|ashore|beach|coast)"
        r"|(?:reach|reached|made it (?:back )?to) the (?:coast|shore|beach) (?:on their own|unaided"
        r"|by themselves|alone)|à la nage|par (?:leurs|ses) propres moyens"
        r"|(?:were|was|been|being|are|is) (?:later )?(?:found|discovered|located|detained"
        r"|rounded up|held by (?:the )?(?:police|officers|border force))"
        r"|(?:ont|a) été (?:retrouvée?s?|découverte?s?|localisée?s?)|retrouvée?s? (?:sur|à|dans)"
        r"|découverte?s? (?:sur|à|dans)|en (?:état d['’])?hypothermie"
        r"|(?:ont|a|avaient|avait|sont|est|été)\s+(?:(?:porté|déclaré)e?s?\s+)?disparue?s?"
        r"\s+en\s+mer"
        r"|(?:disappeared|(?:gone|went|go|goes|reported)\s+missing|(?:are|is|were|was)\s+missing)"
        r"\s+at\s+sea"
        r"|(?:found|located|discovered|(?:a|ont|avait|avaient) (?:retrouvé|découvert|localisé))"
        rf"\s+(?:\w+\s+){{0,3}}?(?:{_BOAT}|{_BOAT_FR})\s+(?:with|carrying|avec|transportant)"
        rf"|(?:found|located|discovered)\s+(?:(?:the|a group of|{_PARTY})\s+)?(?:[\w-]+\s+)?"
        r"(?:people|migrants|asylum seekers|refugees|men|women|families)(?:\s+and\s+(?:men|women"
        rf"|children))?(?:\s+(?:in|on|aboard)\s+(?:an?|the|their)\s+(?:[\w-]+\s+)?{_BOAT}"
        r"|\s+(?:walking|wandering|hiding|sheltering|roaming)\b)"
        r"|(?:located|discovered|discovery\s+(?:[\w'’-]+\s+){0,3}?of)\s+(?:(?:a|an)\s+"
        rf"(?:family|group)\s+of\s+(?:{_PARTY})"
        rf"|(?:{_PARTY})\s+(?:migrants|people|men|asylum seekers))"
        r"|(?:(?:a|ont|avait|avaient)\s+(?:découvert|localisé)|découverte\s+(?:[\w'’-]+\s+){0,3}?"
        rf"(?:de|d['’]))\s*(?:[\w-]+\s+)?(?:{_PARTY})\s+(?:migrants|personnes|exilés))\b",
        _FLAGS,
    ),
    EventType.SIGHTING: re.compile(
        r"\b(?:spotted|sighted|seen heading|observed heading|aperçue?s?|repérée?s?|adrift"
        r"|repèrent|repère|aperçoit|aperçoivent"
        r"|reports? of (?:an?|people|migrants|persons|several|two|three|four|\d+)"
        r"|drifting|drifted|à la dérive|dérivai(?:t|ent)|dérivent|(?:a|ont|avait|avaient)"
        r" dérivé|signalée?s?)\b",
        _FLAGS,
    ),
}
"""One pattern per event type, tried in this order: the first that matches types the clause.

A boat found ("walkers found a dinghy", "ont découvert un bateau") is debris;
after a passive verb ("were found in a dinghy", "a été retrouvé dans un
canot") the one found is its subject, and the boat only where they were. A party of people
discovered or located ("police discovered seven migrants", "the discovery of a family of
seven", "ont découvert douze exilés") is found as they would be in the passive; "found" alone
is left out, as "a survey found 60 people …" finds no one. People taken out of the water
("sortis de l'eau", "pulled from the sea") were rescued; a body so taken is a death, found
first, and "à la sortie de l'eau" (coming out of it) takes no one. Someone brought
back to life ("a pu être réanimée", "was resuscitated") was rescued; one who could not be is
dead, and deaths are tried first. Shipwrecked people ("naufragés") found or located at sea
are being rescued. A rescue is also told by what the rescuers did: stepping in to help a boat or
its people ("sont intervenues pour aider un bateau"), going to its aid ("went to the aid of a
dinghy", "a porté assistance à une embarcation"), or called out to a place ("les secours ont été
déclenchés à X"); police stepping in to stop a departure stay an interception, and rescuers who
could not go out ("n'ont pas pu intervenir") rescued no one, no more than a rescue exercise
("exercice de sauvetage", "search and rescue exercise"). A "grim discovery" ("une macabre
découverte") is a body found. Police slashing or puncturing a boat ("slashing at the dinghy",
"crevant le pneumatique") stop its departure there. Boats that come to fetch people ("des canots
viennent chercher des migrants sur la plage") take them aboard there; a lifeboat or a police boat
that comes for them does not. People lost at sea ("ont disparu en mer", "went
missing at sea") are an incident of their own; gone missing on land, they are not. Rescues, landings
and deaths have more words than their plain verbs: people winched, pulled aboard or "mis en
sécurité", a lifeboat that "recovered 30 people" (a boat recovered is debris); people who
"touched dry land", "ont accosté", "ont posé le pied" in England, a dinghy that "lands at" a
beach; people who perished, "a succombé", a "cadavre", "la dépouille", human remains, a body
brought ashore (a death, not a landing). A speech "drowned out" and a switchboard "noyé sous
les appels" drowned no one."""

PREFILTER = re.compile(
    r"\b(?:dead|die|drown|killed|bod(?:y|ies)|suffocat|lifeless|fatal|death|mort|décéd|décèd|noy"
    r"|noie|meur|péri|décès|réanim|reviv|resuscit"
    r"|corps|rescu|lifeboat|distress|repêch|fished|pulled|plucked|de l['’]eau|panne|avarie|trouble"
    r"|engine failure|entered|sailed into"
    r"|picked up|saved|winched|airlift|safety|aid\b|secour|sauv"
    r"|récupér|récupèr|en charge|hélitreuil|intercept|stopp|prevent|block|turned back"
    r"|returned to|escorted back|sent back to"
    r"|halted|tried to"
    r"|attempted|thwart|foil|punctur|slash|seiz|confiscat|gas|empêch|déjou|avort|debris|wreck"
    r"|abandon|empty|deflat|burst|damag|discard|desert|jacket|washed|débris|épave|vide|dégonfl"
    r"|crevé|gilet|échou|board|taxi|climb|cramm|squeez|piled|packed|wad|embarqu|embark|à bord"
    r"|launch"
    r"|set (?:off|out|sail)|sets (?:off|out|sail)|cast(?:s|ing)? off|départ|left|leaving|depart"
    r"|to sea|took to|push"
    r"|carr(?:y|ied)|engine|inflat|pouss|porté|portent|portaient"
    r"|pris la mer|prend(?:re|nent)? la mer|à l'eau|quitté|parti|parvenu|tenté|tentative|arriv"
    r"|place (?:dans|à bord|sur)|dans l['’]eau|into the (?:water|sea)"
    r"|made it|reached"
    r"|landed|landfall|\bland\s+(?:at|on|in)\b|rnli|ashore|shore|brought|escorted|crossed|crossing"
    r"|transported|c(?:ame|oming|omes?) in"
    r"|journey|disembark|débarqu|atteint|towed|alerted|alerté"
    r"|traversé|rejoint|spotted|sighted|heading|aperçu|aperçoi|repéré|repère|beach|plage|difficult"
    r"|perdition"
    r"|ran|running|run|rushed|rushing|walked|walking|jumped|sprint|dash|swam|swim|on board"
    r"|aboard|interpell|incident|happened|took place|occurred|capsiz|sank|naufrage|chavir|held by"
    r"|tragedy|drame|produit|eu lieu|found|discover|located|detained|rounded|swam|swim|nage"
    r"|moyens|retrouv|se trouv|découv|hypotherm|drift|dériv|strand|aground|sandbank|sand bar"
    r"|disparu|missing at sea|disappeared at sea|touch\w* terre|arraisonn|naufragé"
    r"|banc de sable"
    r"|ensabl|perdu la vie|lost (?:their|his|her) li|au large|off\b|du côté d|rejoi|regagner|grimp"
    r"|à l'aide|à l’aide|set sail|la mort|stole|volé|dérobé|moteur|for help|en aide"
    r"|réussi à|deployed|on their own|aboard"
    r"|pris à bord|arrêt|arrest"
    r"|saisi|signal|taken|hissé|assistance|landing|échec|surpris|assist|recueilli|reports? of"
    r"|interven|crev|crève|lacér|lacère|percé|perçant|détruit|landed|élanc|headed|heads"
    r"|clamber|scrambl|jump|dispers|dissuad|halt|taillad|confisqu|hors d['’](?:état|usage)|slic"
    r"|disabl|percer|entrepris|cross|le cap|course for|partent|partai"
    r"|le large|à la mer|fin à|broke up|break up|breaking up"
    r"|perish|succomb|succumb|cadavre|dépouille|remains|trampl|recovered|treuill|en sécurité"
    r"|touch|dry land|lands? (?:at|on|in)\b|accosté|posé (?:le )?pied|gagné|rallié"
    r"|escort|accompagn|helped|guided|responded)",
    _FLAGS,
)
"""A cheap test that a sentence may hold an incident at all: most sentences fail it."""


@dataclass(frozen=True)
class Cue:
    """The event a clause reports and where its cue words stand in the clause."""

    event_type: EventType
    start: int
    end: int


def event_cue(clause: str) -> Cue | None:
    """Return the event a clause reports by its cue words, or None when it reports none.

    The cheap stem test (:data:`PREFILTER`) goes first: most clauses have no cue.
    The cues are searched over the clause in lower case (see :func:`_cue_search`).
    """
    lower = lowered(clause)
    if not _may_report(clause, lower):
        return None
    for kind in EVENT_CUES:
        search = _cue_search(kind, clause, lower)
        match = search(0)
        while match is not None and (
            _intended(kind, clause, match)
            or (kind is EventType.ARRIVAL and _unrealised(clause, match))
            or (kind is EventType.ARRIVAL and _TO_A_BUILDING.match(clause, match.start()))
            or (kind is EventType.ARRIVAL and _no_crossers_escorted(clause, match))
            or (kind is EventType.INTERCEPTION and _AFTER_DEPARTURE.match(clause, match.end()))
            or (kind is EventType.INTERCEPTION and _ANOTHER_AIM.match(clause, match.end()))
            or (kind is EventType.LAUNCH and _PLANNED.match(clause, match.end()))
            or (kind is EventType.LAUNCH and _another_vessel(clause, match))
            or (kind is EventType.DEATH and _MACHINE_BEFORE.search(clause, 0, match.start()))
            or (kind is EventType.DEATH and _the_dead_described(clause, match))
            or (kind is EventType.DEATH and _ON_THE_ROAD.search(clause) is not None)
            or (kind is EventType.RESCUE and _no_one_at_sea_rescued(clause, match))
            or (kind is EventType.RESCUE and _taken_in_england(clause, match))
            or (kind is EventType.SIGHTING and _A_VIEW.match(clause, match.end()))
        ):
            match = search(match.end())
        if match is not None:
            return Cue(kind, match.start(), match.end())
    return None


def may_report(text: str) -> bool:
    """Tell whether a text may report an event at all: the cheap stem test, :data:`PREFILTER`."""
    return _may_report(text, lowered(text))


def _may_report(text: str, lower: str | None) -> bool:
    """Tell :func:`may_report`, searching the text's lower case when there is one (faster)."""
    if lower is None:
        return PREFILTER.search(text) is not None
    return _PREFILTER_FOLDED.search(lower) is not None


def _cue_search(
    kind: EventType, clause: str, lower: str | None
) -> Callable[[int], re.Match[str] | None]:
    """Return a search for an event's cue words in a clause from a position.

    Searched over its lower case with a case-sensitive form of the cue, when
    the cue is written in lower case and the clause has one, it finds the
    same places three times faster (see geo.extract._regex): only where the
    cue words stand is read from its matches.
    """
    folded = _FOLDED_CUES.get(kind)
    if folded is None or lower is None:
        return partial(EVENT_CUES[kind].search, clause)
    return partial(folded.search, lower)


_AFTER_DEPARTURE = re.compile(
    r"(?:[^.;]*?\W)?(?:après\s+(?:le|un)\s+départ\s+(?:d['’]|de\s+|du\s+|des\s+)"
    rf"(?:une?\s+|l['’]|la\s+)?(?:[\w-]+\s+)?{_BOAT_FR}|after\s+(?:the|a)\s+(?:departure"
    rf"|launch)\s+of\s+(?:an?|the|their)\s+(?:[\w-]+\s+)?{_BOAT})\b",
    _FLAGS,
)
"""A boat's departure told after a stop's or an intervention's words ("sont intervenus sur la
plage après le départ d'un bateau", "police intervened after the departure of a dinghy"): the
boat got away, so they stopped nothing; its departure is the event."""


_OTHER_VESSEL = re.compile(
    r"\b(?:ferry|ferries|cargo|cruise ship|warship|cutter|lifeboat|navire|paquebot|vedette"
    r"|patrouilleur|frégate|canot de sauvetage|canot tous temps|snsm|rnli)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s*$",
    _FLAGS,
)
"""A ship that is no migrants' boat right before a departure's words ("the ferry set off from
Calais", "le canot tous temps a pris la mer"): it sailed, no one launched a crossing."""


def _another_vessel(clause: str, match: re.Match[str]) -> bool:
    """Tell whether a departure's words follow a ferry's or a rescuers' ship's name, not a boat."""
    return _OTHER_VESSEL.search(clause, max(0, match.start() - 40), match.start()) is not None


_ANOTHER_AIM = re.compile(
    r"\s+(?:from\s+(?!leav|launch|cross|set|depart|board|get|reach|mak|go|tak|embark|sail|head"
    r"|enter|return)[a-z]+ing\b|de\s+(?!partir|prendre|traverser|embarquer|quitter|rejoindre"
    r"|monter|rallier|gagner|atteindre|tenter|mettre|accéder|aller|naviguer|passer|sortir)"
    r"[a-zéè]+(?:er|ir|re)\b)",
    _FLAGS,
)
"""Something other than leaving kept from, right after a stop's words ("were prevented from
working", "empêchés de travailler"): no departure was stopped. "Prevented from leaving",
"empêchés de prendre la mer" were."""


_PLANNED = re.compile(
    r"(?:\s+(?!(?:et|and|mais|but|as|comme|que|than)\b)[\w'’-]+){0,4}?\s+(?:(?:était|étaient"
    r"|est|sont|a été|avait été|was|were|had been|is|are)\s+)?(?:prévue?s?|programmée?s?"
    r"|planifiée?s?|envisagée?s?|planned|scheduled)\b",
    _FLAGS,
)
"""A departure said right after to be planned ("un départ d'embarcation était prévu à X"): it
has not happened. What went "as planned", "plus tôt que prévu" did."""


_TRYING = (
    r"trying to|tried to|attempting to|attempted to|tent(?:ai[ts]?|aient|ant|é|ée?s|er|ent)\s+de"
)
"""Words of an attempt ("tried to", "tentaient de"): the attempt itself took place."""
_VERB_AFTER = r"\s+(?!(?:une?|des|an?)\s)(?:[\w'’-]+\s+){0,2}?$"
"""Up to two words from an intention to the verb it governs, none an article (a noun follows)."""


def _intended(kind: EventType, clause: str, match: re.Match[str]) -> bool:
    """Tell whether a cue is only intended: "about to launch", but not "tried to launch"."""
    before = (clause, max(0, match.start() - 40), match.start())
    if kind is EventType.LAUNCH and _TRIED.search(*before):
        return False
    return _INTENDED.search(*before) is not None


_INTENDED = re.compile(
    rf"\b(?:about to|{_TRYING}|hoping to|in a bid to|wanting to"
    r"|s['’]apprêt\w*\s+à|se\s+prépar\w*\s+à|(?:preparing|getting ready) to|sur le point de"
    r"|voulai\w*|souhait\w*|cherch\w*\s+à"
    rf"|pour|afin de|en vue de){_VERB_AFTER}"
    r"|\bsur le point d['’]$",
    _FLAGS,
)
"""What makes the verb after it an intention, not an event: "about to launch", "s'apprêtaient à
prendre la mer" (the stop or the rescue that follows is the event). A noun after it is what
the sentence is about, not a purpose: "alerté pour une embarcation en panne"."""
_TRIED = re.compile(rf"\b(?:{_TRYING}){_VERB_AFTER}", _FLAGS)
"""An attempt right before a launch's verb ("tentaient de prendre la mer", "tried to launch"): the
boat was taken to the water, as "ont tenté la traversée" says; what befell it is told after."""


_NOT_REALISED = (
    r"\b(?:never|almost|nearly|all but|failed to|unable to|did not|didn['’]t|had not|hadn['’]t"
    r"|could not|couldn['’]t|n['’](?:a|ont|avait|avaient)\s+(?:jamais|pas)"
    r"|(?:a|ont|avait|avaient)\s+(?:failli|presque))\s+"
)
NOT_REALISED = re.compile(_NOT_REALISED, _FLAGS)
"""A negation or a near miss: "failed to", "could not", "n'ont pas", "avaient failli"."""
_NOT_BEFORE = re.compile(_NOT_REALISED + r"(?:(?!\d)[\w'’-]+\s+)?$", _FLAGS)
_NOT_WITHIN = re.compile(_NOT_REALISED + r"[\w'’-]+$", _FLAGS)
"""A negation or a near miss right before an arrival's verb ("never reached Dover", "the boat
had almost reached Dover", "n'ont jamais rejoint"): the boat did not arrive, what befell it is
the event. Before a count ("nearly 40 people arrived") it only rounds the count."""


def _unrealised(clause: str, match: re.Match[str]) -> bool:
    """Tell whether an arrival's cue is negated or a near miss ("the dinghy never reached X").

    The verb opens the cue ("never reached Dover") or, after the boat, ends it
    ("the boat had almost reached").
    """
    start, end = match.span()
    return (
        _NOT_BEFORE.search(clause, max(0, start - 40), start) is not None
        or _NOT_WITHIN.search(clause, start, end) is not None
    )


_TO_A_BUILDING = re.compile(
    r"(?:brought|taken|transported)\s+(?:[\w'’-]+\s+){0,3}?(?:to|into)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:hospitals?|facilit(?:y|ies)|(?:processing|reception|detention|asylum|immigration)"
    r"\s+cent(?:re|er)s?|police\s+stations?|hotels?|custody)\b",
    _FLAGS,
)
"""People "taken to Home Office facilities in Dover", "brought to a processing centre": where
they were held after landing, not where they landed."""


_NO_CROSSERS = (
    r"(?:ferr(?:y|ies)|ships?|cargo(?:es)?|tankers?|warships?|yachts?|liners?|convoys?|ministers?"
    r"|secretar(?:y|ies)|officials?|presidents?|king|queen|prince|princess|delegations?"
    r"|dignitaries|visitors|suspects?|prisoners?)\b"
)
"""Who or what may be escorted into a port without having crossed in a small boat."""
_ESCORTED_BEFORE = re.compile(
    rf"\b{_NO_CROSSERS}(?:\s+[\w'’-]+){{0,2}}?\s+(?:was|were|is|are|being|been)\s+$", _FLAGS
)
_ESCORTING = re.compile(
    rf"escort\w*\s+(?:(?:the|a|an|two|three|\d+)\s+)?(?!by\b)(?:[\w-]+\s+)?{_NO_CROSSERS}",
    _FLAGS,
)


def _no_crossers_escorted(clause: str, match: re.Match[str]) -> bool:
    """Tell whether an arrival's "escorted into" is said of a ship or of officials, not a boat.

    "A ferry was escorted into the harbour", "the ministers were escorted to
    the port", "tugs escorted the cargo ship into Dover": none of them
    crossed in a small boat. A dinghy or its people escorted in landed.
    """
    if clause[match.start() : match.start() + 6].lower() != "escort":
        return False
    before = _ESCORTED_BEFORE.search(clause, max(0, match.start() - 50), match.start())
    return before is not None or _ESCORTING.match(clause, match.start()) is not None


_MACHINE_BEFORE = re.compile(
    r"\b(?:engines?|motors?|moteurs?|batter(?:y|ies)|phones?|téléphones?)\s+(?:[\w'’-]+\s+){0,2}$",
    _FLAGS,
)
"""A machine just before "died" or "mort" ("when their engine died", "le moteur est mort"): it
stopped; nobody died."""


_ON_THE_ROAD = re.compile(
    r"\b(?:accidents? de (?:la )?(?:route|circulation|voiture)|road (?:traffic )?accidents?"
    r"|car crash|(?:hit|struck|run over|killed) by (?:an?|the) (?:lorry|truck|car|van|train"
    r"|vehicle)|(?:percutée?|fauchée?|renversée?) par (?:une?|le|la) (?:camion|poids lourd"
    r"|voiture|véhicule|train))\b",
    _FLAGS,
)
"""A death on the road ("a perdu la vie dans un accident de la route", "hit by a lorry"): no
death at sea, whoever died."""

_NO_ONE_AT_SEA = (
    r"(?:dogs?|cats?|horses?|sheep|cows?|seals?|birds?|chiens?|chats?|chevaux|cheval|phoques?"
    r"|moutons?|(?:dog )?walkers?|hikers?|climbers?|ramblers?|randonneu(?:r|se)s?"
    r"|promeneu(?:r|se)s?|grimpeu(?:r|se)s?)\b"
)
"""Who may be rescued without crossing: an animal, or a walker or climber on land."""
_RESCUED_NEXT = re.compile(
    r"\s+(?:from\s+)?(?:an?|the|two|three|\d+|une?|le|la|les|des|l['’]|their|its|son|sa|ses)\s*"
    rf"(?:[\w-]+\s+)?{_NO_ONE_AT_SEA}",
    _FLAGS,
)
"""Such a one right after a rescue's words ("rescued a dog", "secouru un randonneur")."""
_RESCUED_BEFORE = re.compile(
    rf"\b{_NO_ONE_AT_SEA}(?:\s+[\w'’-]+){{0,3}}?\s+(?:was|were|has been|have been|had been"
    r"|a été|ont été|avait été|avaient été|est|sont)\s+$",
    _FLAGS,
)
"""Such a one as the subject of a rescue told in the passive ("a hiker was rescued")."""


def _no_one_at_sea_rescued(clause: str, match: re.Match[str]) -> bool:
    """Tell whether a rescue's words are said of an animal or a walker on land.

    "The crew rescued a dog", "a hiker was rescued from the cliffs", "les pompiers ont secouru
    un randonneur": a rescue, but of no one crossing.
    """
    return (
        _RESCUED_NEXT.match(clause, match.end()) is not None
        or _RESCUED_BEFORE.search(clause, max(0, match.start() - 60), match.start()) is not None
    )


def _taken_in_england(clause: str, match: re.Match[str]) -> bool:
    """Tell whether people "pris en charge" were taken in in England, not at sea.

    "D'autres ont poursuivi leur route et ont été pris en charge en
    Angleterre": they crossed; the landing is the event, read as an arrival.
    """
    taken_in = "en charge" in clause[match.start() : match.end()].lower()
    return taken_in and _TAKEN_IN_ENGLAND.match(clause, match.end()) is not None


_THE_DEAD_WHO = re.compile(
    r"\b(?:the|those|les|la|le|l['’]|ceux|celles?|celui)\s+(?:[\w'’-]+\s+){0,3}?(?:who|qui)\s+"
    r"(?:had\s+|have\s+|(?:est|sont|était|étaient)\s+)?$",
    _FLAGS,
)
_DESCRIBED_AS = re.compile(r"\w*\s+(?:was|were|is|are|était|étaient|est|sont)\b", _FLAGS)


def _the_dead_described(clause: str, cue: re.Match[str]) -> bool:
    """Tell whether a death cue only names the dead a sentence goes on to describe.

    "The people who died were Afghan men", "le migrant qui est mort était
    soudanais": who they were, of a death the report has told already; not
    one more. "Those who died at sea on Monday" with no description after
    still tells the death.
    """
    before = _THE_DEAD_WHO.search(clause, 0, cue.start())
    return before is not None and _DESCRIBED_AS.match(clause, cue.end()) is not None


_A_VIEW = re.compile(
    r"\s+(?:the|les|la|le|l['’]|des)\s*(?:[\w'’-]+\s+)?"
    r"(?:cliffs?|coast(?:line)?s?|shores?|lights|lighthouses?|horizon|falaises?|côtes?|rivages?"
    r"|lumières|phares?|horizons?)\b",
    _FLAGS,
)
"""A coast, cliffs or lights just after "spotted" or "aperçoit" ("on aperçoit les falaises de
Douvres", "they sighted the English coast"): the view from the shore, not a boat seen."""


BOAT_WORDS = re.compile(rf"\b(?:{_BOAT}|{_BOAT_FR})\b", _FLAGS)
BOAT_FOUND_ADRIFT = re.compile(
    rf"\b(?:{_BOAT}|{_BOAT_FR})\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+found"
    r"|(?:ont|a|avaient|avait)\s+été\s+retrouvée?s?)\s+(?:adrift|drifting|à\s+la\s+dérive)\b",
    _FLAGS,
)
"""A boat the clause says was found adrift ("two kayaks were found adrift", "un canot a été
retrouvé à la dérive"): the boat is what was found, whatever count of people the clause gives
those who were on it."""

# -- statistics and policy ------------------------------------------------------------

_SPAN_OPENING = (
    r"(?:en|in|within|over|sur|during)\s+(?:just\s+|only\s+|seulement\s+|à peine\s+)?"
    r"(?:moins de\s+|less than\s+|the (?:past|last)\s+|l'espace\s+de\s+)?"
)
"""What opens a span of time a count is spread over: "in", "over the past", "en l'espace de"."""
_FEW = r"deux|trois|quatre|cinq|two|three|four|five|\d+"
"""Spans of two to five (or a figure): of hours too ("in three hours") they are a period."""
_SEVERAL = r"six|sept|huit|neuf|dix|seven|eight|nine|ten"
"""Spans of six to ten: of days, nights or weeks only (a rescue "after six hours" is one event)."""
_STATISTICS = re.compile(
    r"\b(?:(?:this|last|next|the|a|per|each|every|that) year|year-on-year|year to date|so far"
    r"|this year's|last year's|between (?:19|20)\d\d and"
    r"|from (?:19|20)\d\d to"
    r"|(?:since|depuis) (?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"|since (?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december|the (?:start|beginning)|(?:19|20)\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december))|depuis le (?:\d{1,2}|1er) (?:janvier|février|mars"
    r"|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
    r"|per cent|percent|daily (?:number|average)|on average"
    r"|average|(?:per|each|every) (?:day|week|month|night)|(?:this|last|that) month"
    r"|(?:this|last|past) week|statistics|cette année|l'an dernier|l'année dernière"
    r"|(?:pour|durant|pendant|sur|tout) le mois (?:de|d['’]\w+)|(?:during|for|over|throughout) the"
    r" (?:whole )?month of"
    r"|depuis (?:le début|janvier)|par jour|chaque (?:jour|nuit|semaine)"
    r"|since the (?:[\w'’-]+ ){1,4}?(?:(?:was|were|had been) (?:announced|introduced|signed"
    r"|imposed|lifted)|came into (?:force|effect)|took effect)"
    r"|depuis (?:l['’]annonce|l['’]entrée en vigueur|la signature)"
    r"|from (?:[\w'’-]+ ){1,3}?(?:to|until|till) (?:today|now|date)"
    r"|du (?:[\w'’-]+ ){1,3}?(?:à|au|jusqu['’]à|jusqu['’]au) (?:aujourd['’]hui|ce jour)"
    rf"|{_SPAN_OPENING}(?:{_FEW})\s+(?:jours|heures|days|hours|nuits|nights|semaines|weeks)"
    rf"|{_SPAN_OPENING}(?:{_SEVERAL})\s+(?:jours|days|nuits|nights|semaines|weeks)"
    rf"|ces (?:(?:{_FEW}|{_SEVERAL}) )?derni(?:ers|ères) (?:jours|nuits|heures|semaines)"
    rf"|(?:les|des) (?:{_FEW}|{_SEVERAL}) derni(?:ers|ères) (?:jours|nuits|semaines)"
    r"|(?:at|over|during) the (?:bank holiday |easter |long )?weekend"
    r"|(?:this|last) weekend|au cours du week-end"
    r"|(?:ce|le) week-end|cette semaine|la semaine dernière|successive days)(?!\w)|%"
    r"|\d[\d,.]*(?:\s+[\w'’-]+){1,5}\s+a (?:day|week|month|night)\b",
    _FLAGS,
)
_POLICY = re.compile(
    r"\b(?:would|could|will|shall|should|might|must|cannot|can't|won't|wouldn't|couldn't"
    r"|can(?! be seen)|plans?|planned|planning|pledged?|pledges|vow(?:ed|s)?|promised?"
    r"|in a bid to|in order to|aims? to|aimed to|set to|expected to|intends?|intention"
    r"|proposals?|proposed|deterrent|continues? to|continued to|continuing to|tend to|often"
    r"|usually|regularly|routinely|every (?:morning|night|day|week)|unless"
    r"|pourrait|pourraient|devrait|devraient|va|vont|projet|promet|s'engage|peut-être|perhaps"
    r"|maybe)\b",
    _FLAGS,
)


def is_span_of_time(clause: str) -> bool:
    """Tell whether a clause names a span of time a count is spread over ("since 1 January").

    Opening a sentence on its own ("From March 2 to today, 412 people landed"), it makes the
    count after it a total over that span, not one landing.
    """
    return folded_search(_STATISTICS_FOLDED, _STATISTICS, clause) is not None


def is_tally(clause: str) -> bool:
    """Tell whether a clause states a total ("a record 700", "au total"): a figure for a country."""
    return _TALLY.search(clause) is not None


def _day_count(clause: str) -> bool:
    """Tell whether a clause counts people on one named day ("a record 700 crossed on Tuesday")."""
    dated = folded_search(_DATE_FOLDED, _DATE, clause) is not None
    return dated and people_count(clause) is not None


_IN_A_YEAR = re.compile(r"\b(?:in|en|during|throughout|durant|pendant) (?:19|20)\d\d\b", _FLAGS)
"""A year told as the span of a count ("1,200 landed in Kent throughout 2022", "pendant 2021"):
a yearly statistic, unless the clause also names the day its count happened on ("30 were
rescued on Tuesday, a route used by thousands in 2023")."""


_RECORD_ASIDE = re.compile(
    r"\W*(?:an?|un|une|the|le)\s+(?:new\s+|nouveau\s+)?record\b(?!\s+(?:de\s+)?\d)", _FLAGS
)
"""A clause that only names the figure before it a record ("…, a record daily number", "…, un
nouveau record"), not "a record 700 crossed"."""


def is_record_of_no_day(clauses: list[str]) -> bool:
    """Tell whether a sentence sets a count aside as a record, on no day it names.

    "On one day in August, 482 people crossed, a record daily number": the
    figure recalls a record, not an incident of the report. "On Tuesday,
    700 people crossed, a new record" still counts Tuesday's crossings.
    """
    aside = any(_RECORD_ASIDE.match(clause) for clause in clauses)
    return aside and not _day_count(" ".join(clauses))


_TALLY = re.compile(
    r"\b(?:records?|daily (?:high|total|figure)|in total|au total|en tout|single-day)\b", _FLAGS
)
"""Words of a total: of one day they still count one day's crossings ("a record 700 crossed on
Tuesday", "au total, 90 personnes ont été secourues lundi"), of no day they are statistics."""
MULTITUDE = re.compile(
    r"\b(?:hundreds|thousands|(?:des|plusieurs) (?:centaines|milliers))\b", _FLAGS
)
"""Numbers too many for one boat, told without a figure ("hundreds crossed yesterday", "des
centaines de personnes"): a country's day, not one landing."""
MAX_PEOPLE = 3_000
"""More people than this in one clause is a total over a period, not one incident."""


def is_statistic_or_policy(clause: str, cue_at: int | None = None) -> bool:
    """Tell whether a clause is about totals, rates, records, plans or habits, not one event.

    With ``cue_at`` (where the event's cue stands), only a modal or a plan
    before the cue counts ("police would stop boats"): words after it say
    why or how ("rescued off Dover in a bid to reach England").
    """
    clause = _DATED_LAST_YEAR.sub(_blanked, clause)
    clause = _FIRST_SINCE.sub(_blanked, clause)
    if is_span_of_time(clause):
        return True
    if (is_tally(clause) or _IN_A_YEAR.search(clause)) and not _day_count(clause):
        return True
    policy = _POLICY.search(clause)
    return policy is not None and (cue_at is None or policy.start() < cue_at)


def _blanked(match: re.Match[str]) -> str:
    """Blank a span out of a clause, keeping every other word where it stands."""
    return " " * len(match.group())


_ON_LAND = re.compile(
    r"\b(?:camps?|shot|shooting|stabb(?:ed|ing)|murder(?:ed)?|lorry|lorries|trucks?|trains?"
    r"|road|motorway|railway|rail|tunnel|eurotunnel|campement|abattue?|poignardée?|camion"
    r"|autoroute|véhicules?|voitures?|fourgons?|camionnettes?|minibus|vehicles?|vans?)\b",
    _FLAGS,
)
_AT_SEA = re.compile(
    rf"(?<![\w-])(?:{_BOAT}|{_BOAT_FR}|sea|water|beach|shore|mer|plage|eau)(?![\w-])", _FLAGS
)


SCENE_WORDS = re.compile(
    r"\b(?:incident|tragedy|accident|happened|took place|occurred|capsized|sank|overturned"
    r"|drame|naufrage|accident|s['’]est (?:\w+ )?produite?|(?:a|ont) (?:\w+ )?eu lieu"
    r"|a chaviré|chaviré|(?:a|ont) commencé|began|unfolded|s['’]est déroulée?"
    r"|se sont déroulée?s)\b",
    _FLAGS,
)
"""Words of a sentence that says where something already reported happened, or sets a scene."""


_SUSPECTS_ARRESTED = re.compile(
    r"\b(?:smugglers?|traffickers?|passeurs?|pilotes?|pilots?|skippers?)(?:\s+(?:présumée?s?|presumed"
    r"|suspected|alleged))?\s+(?:ont\s+été|a\s+été|have\s+been|has\s+been|were|was|had\s+been)"
    r"\s+(?:\w+\s+)?(?:arrested|detained|held|charged|interpellée?s?|arrêtée?s?|placée?s?|déférée?s?)"
    r"|\b(?:arrested|detained|held|charged|interpellée?s?|arrêtée?s?|placée?s?\s+en\s+garde\s+à\s+vue)"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:on\s+suspicion\s+of|suspected\s+of|soupçonnée?s?\s+d|accusée?s?\s+d"
    r"|for\s+(?:people[- ])?smuggling|pour\s+(?:aide|trafic))",
    _FLAGS,
)
"""The arrest of suspected smugglers or pilots ("a man was arrested on suspicion of
facilitating", "deux passeurs présumés ont été interpellés"): no boat's crossing of its own."""


def is_arrest_of_suspects(clause: str, cue_at: int) -> bool:
    """Tell whether a clause's cue is the arrest of suspects, not an event of the crossing.

    Only an arrest that is the clause's cue and comes first is read this way:
    "20 people landed at Deal and a man was arrested on suspicion of piloting"
    keeps its landing.
    """
    return any(
        match.start() <= cue_at < match.end() and event_cue(clause[: match.start()]) is None
        for match in _SUSPECTS_ARRESTED.finditer(clause)
    )


def is_away_from_boats(clause: str) -> bool:
    """Tell whether a clause is about a camp, a road or a lorry, with no boat, sea or beach.

    Deaths and finds there are not small-boat incidents.
    """
    return _ON_LAND.search(clause) is not None and _AT_SEA.search(clause) is None


# -- dates ----------------------------------------------------------------------------

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}
MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_MONTH_IN = re.compile(rf"\b(?:{_MONTH})\b", re.IGNORECASE)
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|matin|après-midi|soir|soirée)"
"""A part of the day set between a weekday and its date ("lundi matin 30 juin", "Monday evening,
12 May"): the date is still the weekday's."""
_DATE = re.compile(
    rf"\b(?:(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?P<nd>[0-3]?\d)/(?P<nm>[01]?\d)/(?P<ny>{_YEAR})"
    rf"|(?:le |on )?(?:(?P<wd1>{_WEEKDAY}),? (?:{_PART_OF_DAY},? )?(?:the )?)?(?P<d1>[0-3]?\d)"
    r"(?:st|nd|rd|th|er)? "
    rf"(?:of )?(?P<m1>{_MONTH})\.?(?:,? (?P<y1>{_YEAR}))?"
    rf"|(?:on )?(?:(?P<wd2>{_WEEKDAY}),? )?(?P<m2>{_MONTH})\.? (?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?![\d:])(?:,? (?P<y2>{_YEAR}))?"
    r"|(?P<today>today|tonight|this (?:morning|afternoon|evening)|aujourd['’]hui|ce matin"
    r"|cet après-midi|ce soir|cette nuit)"
    r"|(?P<before>the day before yesterday|avant-hier)"
    r"|(?P<prior>the day before(?: that)?|the previous day|a day earlier|the night before|la veille"
    r"|le jour précédent|(?:(?:comes?|came) (?:just )?)?a day after)"
    r"|(?P<following>the next day|the following day|a day later|le jour suivant"
    r"|le lendemain(?! d))"
    r"|(?P<yesterday>yesterday|hier)|(?P<lastnight>last night|la nuit dernière)"
    rf"|(?:(?:dans )?la nuit d[eu]|(?:on |in |during )?the night of|overnight from)"
    rf" (?:(?:{_WEEKDAY}) )?(?:(?:{_MONTH}) )?(?:[0-3]?\d(?:er|st|nd|rd|th)? )?(?:(?:{_MONTH}) )?"
    rf"(?:à|au|to|into|-|–) ?(?:le |ce )?(?:(?P<night>{_WEEKDAY})\b ?)?(?:(?P<nightd>[0-3]?\d)"
    rf"(?:er|st|nd|rd|th)?\b ?)?(?P<nightm>{_MONTH})?\.?(?:,? (?P<nighty>{_YEAR}))?"
    rf"|(?:the (?P<previous>previous|preceding) )(?P<pwd>{_WEEKDAY})"
    rf"|(?:(?P<qual>last|this|on|past) )?(?P<wd>{_WEEKDAY})(?:['’]s)?"
    r"(?: (?P<fr>dernier|précédent))?)"
    r"(?!\w)",
    _FLAGS,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a clause and the day it stands for (None if unresolvable)."""

    text: str
    date: dt.date | None


def find_date(
    clause: str, published: dt.date | None, context: dt.date | None = None
) -> DateMention | None:
    """Return the first date expression of a clause, resolved against the publication date.

    A weekday is the most recent such day on or before publication ("on
    Tuesday", "this Tuesday"); "last Tuesday" and French "mardi dernier" are
    the most recent one strictly before. A day and month
    without a year ("on May 31", "31 May") is the most recent such day on or
    before publication, or in the year before it when followed by "last year"
    ("l'an dernier"). Relative forms need the publication date; without it
    they resolve to None. Forms relative to the story ("the day before", "la
    veille", "the previous Friday") resolve against ``context``, the day the
    report was last speaking of, when there is one; "the next day" and "le
    lendemain" count on from that day only (never from publication, which
    has no next day to report). A day followed by a verb
    of saying and a second day ("Ce mardi, la préfecture a indiqué que la
    veille…") dates the statement: the second is the event's, counted from
    the statement's day.
    """
    found = [m for m in folded_finditer(_DATE_FOLDED, _DATE, clause) if not _reported_on(clause, m)]
    if not found:
        return None
    match = found[0]
    if len(found) > 1 and not found[1]["following"] and _states_then_tells(clause, match, found[1]):
        # "Ce mardi, la préfecture a indiqué que la veille…": the first day is the statement's
        # (what a statement says of its next day is yet to come: not the event's day)
        published = _resolve_date(match, published) or published
        context, match = published, found[1]
    if match["following"]:
        # "Le lendemain", "the next day": only the day the report was speaking of has a next day
        text = clause[match.start() : match.end()]
        return DateMention(text, context + dt.timedelta(days=1) if context else None)
    anaphoric = match["prior"] or match["previous"] or (match["fr"] or "").lower() == "précédent"
    base = context if anaphoric and context is not None else published
    if base is not None and _last_year(match, clause):
        base = dt.date(base.year - 1, 12, 31)
    return DateMention(clause[match.start() : match.end()], _resolve_date(match, base))


_SPAN_TO = r"\s*(?:[-–]|à|au|to)\s*"
_SPAN_BEFORE = re.compile(rf"(?:\d|\b(?:{_WEEKDAY})){_SPAN_TO}$", re.IGNORECASE)
_SPAN_AFTER = re.compile(
    rf"{_SPAN_TO}(?:\d{{1,2}}(?!\d)(?!\s*(?:h\d*|heures?|[:.]\d+|am|pm)\b)|(?:{_WEEKDAY})\b)",
    re.IGNORECASE,
)
"""A second day after a first ("21-22", "lundi à mardi"), not an hour ("mardi à 3h00")."""


def is_in_span(clause: str, mention: DateMention) -> bool:
    """Tell whether a date found in a clause opens or closes a span of days, naming no one day.

    "le week-end du 21-22 septembre", "(lundi à mardi)", "from Monday to
    Wednesday": the days it names are several.
    """
    start = clause.find(mention.text)
    end = start + len(mention.text)
    return start >= 0 and (
        _SPAN_BEFORE.search(clause, max(0, start - 20), start) is not None
        or _SPAN_AFTER.match(clause, end) is not None
    )


_REPORTED = re.compile(
    r"\b(?:said|says|told|announced|confirmed|added|reported|published|stated|publiée?"
    r"|indiqué|annoncé|précisé|déclaré|confirmé|communiqué|rapporté|expliqué|ajouté|affirmé)"
    r"\s+(?:on\s+|ce\s+|le\s+)?$",
    re.IGNORECASE,
)


_SAYS = re.compile(
    r"\b(?:said|says|told|announced|confirmed|reported|stated|indiqué|annoncé|précisé|déclaré"
    r"|confirmé|rapporté|expliqué|affirmé|indique|annonce|précise|explique|affirme)\b",
    re.IGNORECASE,
)
"""A verb of saying between two days of a clause: the first dates the statement, not the event."""


def _states_then_tells(clause: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Tell whether the first day dates a statement and the second the event it tells of.

    "Ce mardi, la préfecture a indiqué que la veille…" or "Ce mardi 12 mars,
    la préfecture a indiqué que le 10 mars…" do. "Secourus dans la nuit du 5 au
    6 juin, a indiqué la préfecture vendredi 7 juin" does not: a day written
    with its date straight after the verb of saying (no "que") is the
    statement's, so the first is the event's.
    """
    says = list(_SAYS.finditer(clause, first.end(), second.start()))
    if not says:
        return False
    dated = any(second[group] for group in ("iso", "d1", "d2", "nightd"))
    return not dated or _THAT.search(clause, says[-1].end(), second.start()) is not None


_THAT = re.compile(r"\b(?:que|qu['’]|that)", re.IGNORECASE)
"""What opens the words of a statement: the day after it is the event's."""


def _reported_on(clause: str, match: re.Match[str]) -> bool:
    """Tell whether a weekday dates a statement, not the event ("said on Tuesday", "publié mardi").

    A day with its date ("annoncé le 12 mars") is kept: reports often tell
    the event's day that way.
    """
    lone_weekday = match["wd"] is not None and match["qual"] in (None, "on")
    window = clause[max(0, match.start() - 30) : match.start()]
    return lone_weekday and _REPORTED.search(window) is not None


_LAST_YEAR_WORDS = (
    r"\s*,?\s*(?:of\s+|de\s+)?(?:last\s+year|l['’]\s*(?:année|an)\s+(?:dernière?|passée?))\b"
)
_LAST_YEAR = re.compile(_LAST_YEAR_WORDS, re.IGNORECASE)
_DATED_LAST_YEAR = re.compile(
    rf"\b(?:[0-3]?\d(?:st|nd|rd|th|er)? (?:of )?(?:{_MONTH})|(?:{_MONTH}) [0-3]?\d(?:st|nd|rd|th)?)"
    + _LAST_YEAR_WORDS,
    re.IGNORECASE,
)
"""A day of last year ("on 23 November last year"): a date, not a yearly statistic."""
_FIRST_SINCE = re.compile(
    r"\b(?:the|its|le|la|sa)\s+(?:first|premier|première)\s+(?!time\b|fois\b)(?:[\w'’-]+\s+){0,5}?"
    r"(?:since|depuis)\s+(?:(?:last|le|la|l['’])\s*)?[\w'’-]+(?:\s+(?:19|20)\d\d)?",
    re.IGNORECASE,
)
"""A comparison set beside an event ("a man died off X, the first death since March"): it
dates the record, not the event, which is still one event. "The first time since 2019 that …"
compares a whole clause, a statistic, and is left to be one."""


def _last_year(match: re.Match[str], clause: str) -> bool:
    """Tell whether a day and month without a year is said to be of last year."""
    yearless = (match["d1"] and not match["y1"]) or (match["d2"] and not match["y2"])
    return bool(yearless) and _LAST_YEAR.match(clause, match.end()) is not None


def _resolve_date(
    match: re.Match[str], published: dt.date | None, near: dt.date | None = None
) -> dt.date | None:
    """Turn one match of the date pattern into a day (``near``: see :func:`_by_weekday`)."""
    groups = match.groupdict()
    if groups["nightd"]:
        return _night_day(match, published, near)
    if groups["iso"]:
        return _safe_date(*(int(part) for part in groups["iso"].split("-")))
    if groups["ny"]:
        return _safe_date(int(groups["ny"]), int(groups["nm"]), int(groups["nd"]))
    for day, month, year, weekday in (("d1", "m1", "y1", "wd1"), ("d2", "m2", "y2", "wd2")):
        if groups[day]:
            return _day_month(
                int(groups[day]), MONTHS[groups[month].lower()], groups[year], published
            ) or _by_weekday(int(groups[day]), MONTHS[groups[month].lower()], groups[weekday], near)
    if published is None:
        return None
    if groups["today"] or groups["lastnight"]:
        return published
    if groups["before"]:
        return published - dt.timedelta(days=2)
    if groups["yesterday"] or groups["prior"]:
        return published - dt.timedelta(days=1)
    if groups["night"]:
        return _weekday(WEEKDAYS[groups["night"].lower()], None, None, published)
    if groups["pwd"]:
        return _weekday(WEEKDAYS[groups["pwd"].lower()], None, "précédent", published)
    if groups["wd"]:
        return _weekday(WEEKDAYS[groups["wd"].lower()], groups["qual"], groups["fr"], published)
    return None  # a night named by neither its day nor its date ("la nuit du 14 à"): no day


def _night_day(
    match: re.Match[str], published: dt.date | None, near: dt.date | None = None
) -> dt.date | None:
    """Resolve "la nuit du 16 au 17 juillet" (or "du jeudi 16 au vendredi 17") to the 17th.

    The month is the one written after either day, else the publication's.
    Without a year or a publication date, the weekday of the second day
    tells the year, as it does for "dimanche 18 octobre" alone.
    """
    month_name = match["nightm"] or _MONTH_IN.search(match.group())
    if isinstance(month_name, re.Match):
        month_name = month_name.group()
    day = int(match["nightd"])
    if month_name is None:
        if published is None:
            return None
        month = published.month if day <= published.day else (published.month - 2) % 12 + 1
    else:
        month = MONTHS[month_name.lower()]
    return _day_month(day, month, match["nighty"], published) or _by_weekday(
        day, month, match["night"], near
    )


LATEST_YEAR = dt.date.today().year
"""The latest year a weekday may place a day and month in (reports are not from the future)."""
_WEEKDAY_CYCLE_YEARS = 6
"""Within twice this many years a day and month fall on each weekday at least once."""


def _by_weekday(
    day: int, month: int, weekday: str | None, near: dt.date | None = None
) -> dt.date | None:
    """Return the day and month, in a year up to LATEST_YEAR, that falls on the weekday.

    "mercredi 30 octobre" with no year and no publication date is the latest
    Wednesday 30 October, or the one nearest ``near`` when the report writes
    a full date elsewhere ("… le 31 juillet 2020": the Wednesday 30 October
    of that time, not of years later); a day and month without a weekday
    stays unknown.
    """
    if weekday is None:
        return None
    wanted = WEEKDAYS[weekday.lower()]
    latest = LATEST_YEAR if near is None else min(LATEST_YEAR, near.year + _WEEKDAY_CYCLE_YEARS)
    days = (
        _safe_date(year, month, day)
        for year in range(latest, latest - 2 * _WEEKDAY_CYCLE_YEARS, -1)
    )
    fitting = [d for d in days if d is not None and d.weekday() == wanted]
    if not fitting:
        return None
    return fitting[0] if near is None else min(fitting, key=lambda d: abs(d - near))


def anchor_date(text: str) -> dt.date | None:
    """Return the latest full date a text states, to read its relative dates by when unpublished.

    A report without a publication date that says "le vendredi 26 avril 2024"
    (or "mercredi 30 octobre", the year from the weekday, the one nearest the
    dates written with their year) somewhere is read as of that day: its
    "mardi" is the Tuesday before. Without such a date, its relative dates
    stay unknown.
    """
    matches = list(folded_finditer(_DATE_FOLDED, _DATE, text))
    written = [day for m in matches if _year_written(m) and (day := _resolve_date(m, None))]
    near = max(written, default=None)
    found = (_resolve_date(m, None, near) for m in matches if not _year_written(m))
    return max((*written, *(day for day in found if day is not None)), default=None)


def _year_written(match: re.Match[str]) -> bool:
    """Tell whether a date match writes its year ("31 juillet 2020", "2020-07-31")."""
    return any(match[name] for name in ("iso", "ny", "y1", "y2", "nighty"))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when the numbers name no day (31 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_month(day: int, month: int, year: str | None, published: dt.date | None) -> dt.date | None:
    """Resolve a day and month, with the year written or the latest one not after publication."""
    if year is not None:
        return _safe_date(int(year), month, day)
    if published is None:
        return None
    this_year = _safe_date(published.year, month, day)
    if this_year is not None and this_year <= published:
        return this_year
    return _safe_date(published.year - 1, month, day)


def _weekday(
    weekday: int, qualifier: str | None, french_last: str | None, published: dt.date
) -> dt.date:
    """Resolve a weekday name against the publication date (see :func:`find_date`)."""
    back = (published.weekday() - weekday) % 7
    last = french_last or (qualifier is not None and qualifier.lower() == "last")
    if last and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


# -- counts ---------------------------------------------------------------------------


class CountKind(StrEnum):
    """How a count was written: exact ("37"), approximate ("around 600"), a floor ("over 50")."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"


@dataclass(frozen=True)
class Count:
    """A number of people or boats and how it was written."""

    value: int
    kind: CountKind


_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
}
# Round collective numbers; vague plurals ("dozens", "hundreds", "plusieurs dizaines")
# give no count at all: the extractor never invents a number.
_COLLECTIVES = {
    "half a dozen": 6,
    "une demi-douzaine": 6,
    "a dozen": 12,
    "a hundred": 100,
    "one hundred": 100,
    "une dizaine": 10,
    "une douzaine": 12,
    "une quinzaine": 15,
    "une vingtaine": 20,
    "une trentaine": 30,
    "une quarantaine": 40,
    "une cinquantaine": 50,
    "une soixantaine": 60,
    "une centaine": 100,
}
_ANY_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_WORDS = rf"(?:quatre-vingts?|{'|'.join(_TENS)})(?:(?:[- ]et[- ]|[- ])(?:{_ANY_UNIT}))?"
"""Tens and what follows them: "forty-two", "vingt et un", "soixante-quinze", "quatre-vingt-dix"."""
_HUNDREDS_WORDS = (
    rf"(?:(?:{'|'.join(k for k, v in _UNITS.items() if v < 10)})[- ])?(?:cents?|hundred)"
    rf"(?:(?:[- ]and)?[- ](?:{_TENS_WORDS}|{_ANY_UNIT}))?"
)
"""Hundreds: "cent cinquante-deux", "deux cent trois", "one hundred and twenty"."""
_WORD_NUMBER = rf"(?:{'|'.join(_COLLECTIVES)}|{_HUNDREDS_WORDS}|{_TENS_WORDS}|{_ANY_UNIT})"
_NUMBER_WORD_INITIALS = "".join(
    sorted(
        {word[0] for word in (*_COLLECTIVES, *_UNITS, *_TENS, "quatre-vingt", "cent", "hundred")}
    )
)
_NUMBER = (
    rf"(?=[\d{_NUMBER_WORD_INITIALS}])"
    rf"(?:\d{{1,3}}(?:[,.\u202f\u00a0 ]\d{{3}})+(?![\d,.]\d)|\d+(?![.,:]\d)|{_WORD_NUMBER})"
)
"""A number in figures or words; a cheap test of its first character first (a pattern may try
it at every word: most words start with no digit nor a number word's first letter)."""
_AT_LEAST = r"more than|over|at least|upwards of|in excess of|plus de|au moins"
_ABOUT = (
    r"as many as|up to|around|about|some|nearly|almost|approximately|roughly|close to"
    r"|an estimated|just over|just under|environ|près de|quelque|jusqu'à"
)
_QUALIFIER = rf"(?:{_AT_LEAST}|{_ABOUT})"
_KIND_AT_LEAST = re.compile(rf"\b(?:{_AT_LEAST})\s+$", _FLAGS)
_KIND_ABOUT = re.compile(rf"\b(?:{_ABOUT})\s+$", _FLAGS)
_PEOPLE_NOUN = (
    r"(?:people|persons|migrants|asylum seekers|refugees|passengers|men|women|children|adults"
    r"|minors|survivors|castaways|individuals|occupants|exiles|victims|personnes|exilés|passagers"
    r"|naufragés|hommes|femmes|enfants|mineurs|majeurs|adultes|survivants|occupants|victimes|migrant"
    r"|person|man|woman|child|personne|bodies|body|males|females|male|female|boys|girls|babies"
    r"|toddlers|boy|girl|baby|corps|souls"
    r"|teenagers|bébés|adolescents|garçons|filles|migrantes|exilées|rescapés|clandestins"
    r"|immigrants|immigrant|immigrés|réfugiés|réfugiées)"
)
_NOT_BETWEEN = (
    r"(?!(?:boats?|dinghies|dinghy|vessels?|in|of|on|from|to|and|with|at|by|for|groups?|groupes?"
    r"|bateaux?|embarcations?|canots?|zodia(?:c|que)s?|pneumatiques?|de|des|du|et|sur|dans|à|au"
    r"|tentatives?|attempts?|traversées?|crossings?|opérations?|operations?|départs?"
    r"|departures?|arrivées?|arrivals?|interventions?|nombres?|numbers?|dizaines?|douzaines?"
    r"|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|soixantaines?|centaines?"
    r"|\d+)\b)"
)
"""Words that never stand between a number and its people noun: in "une embarcation de
migrants", "a group of men" or "une tentative de migrants" the number counts the boat, the
group or the attempt, not the people; in "Utopia 56 said 30 people" the people are the 30."""
_QUOTED_BOAT = rf"['‘’\"“]?(?:taxi[ -])?{_BOAT}"
"""A boat named after its passengers, its name quoted or not: in "a migrant 'taxi boat'" or "a
migrant boat", "a migrant" says whose boat it is; it counts no one ("five migrant boats" are
five boats)."""
_PART_OF = r"(?:des|of the|of|d['’]entre les|sur|out of|parmi les)"
_WORDS_BETWEEN = rf"(?:{_NOT_BETWEEN}[\w'’-]+\s+){{0,2}}?"
_QUOTED_PEOPLE = rf"['‘\"“«]\s?{_WORDS_BETWEEN}{_PEOPLE_NOUN}\s?['’\"”»]"
"""People a count counts in quotes: "25 “displaced persons”", "30 « exilés »" hold 25 and 30
people, the writer only keeps the words at a distance (the quote closes on the people noun: in
'3 "people smugglers"' the noun is not "people")."""
_LOADS = rf"{_NUMBER}(?:\s*,\s*{_NUMBER})*\s+(?:et|and)\s+{_NUMBER}"
"""Counts listed one by one: "26 et 24", "12, 30 and 8"."""
_PEOPLE = re.compile(
    rf"\b(?:groupes?\s+de|groups?\s+of|(?:{_BOAT}|{_BOAT_FR})\s+(?:carrying|with|transportant"
    rf"|avec)|respectivement|respectively|chacune?|each|(?:carrying|carried|transportant"
    rf"|transportaient|comptaient|with|avec)(?=\s+{_LOADS}\s+{_PEOPLE_NOUN}\s+respectively\b))"
    rf"\s+(?P<groups>{_LOADS})\s+(?:de\s+|d['’])?{_PEOPLE_NOUN}\b"
    rf"|\b(?P<part>{_NUMBER})\s+{_PART_OF}\s+(?:{_NUMBER})\s+{_WORDS_BETWEEN}"
    rf"{_PEOPLE_NOUN}\b"
    rf"|\b(?P<ofthem>{_NUMBER})\s+(?:d['’]entre (?:eux|elles)|of them)\b"
    rf"|\b{_NUMBER}\s+(?:or|ou|to|à)\s+(?P<upper>{_NUMBER})\s+(?:de\s+|d['’])?{_PEOPLE_NOUN}\b"
    rf"|\b(?P<number>{_NUMBER})\s+(?:{_WORDS_BETWEEN}(?:de\s+|d['’])?{_PEOPLE_NOUN}\b"
    rf"(?!\s+{_QUOTED_BOAT}\b)|{_QUOTED_PEOPLE})"
    rf"|\b(?:a further|another|an additional|a total of|carrying) (?:{_QUALIFIER} )?"
    rf"(?P<bare>{_NUMBER})\b(?:\s+{_PEOPLE_NOUN}\b)?"
    rf"(?!\s+(?:{_BOAT}|{_BOAT_FR}|km|miles|metres|hours|minutes|days)\b)"
    rf"|\b(?P<aboard>{_NUMBER})\s+(?:were |was )?(?:on ?board|aboard|à bord)\b"
    rf"|\b(?:rescued|saved|picked up|secouru|récupéré|recueilli|(?P<landing>brought|ramené"
    rf"|débarqué))\s+(?:{_QUALIFIER}\s+)?(?P<rescued>{_NUMBER})"
    rf"(?:\s+(?=(?:from|off|au large|d['’]une?|ashore|to shore|à terre)\s)"
    rf"|(?(landing)(?!)|\s*(?=[.;]|$|\s(?:and|et)\s(?!{_NUMBER}\b))))"
    rf"|\b(?P<strong>{_NUMBER})-strong\b(?!\s+(?:[\w'’-]+\s+)?(?:crews?|teams?|fleet|flotilla|units?))"
    rf"|\b(?:group|groupe|family|famille)\s+(?:of|de)\s+(?:{_QUALIFIER}\s+)?(?P<party>{_NUMBER})\b"
    rf"(?!\s+(?:{_BOAT}|{_BOAT_FR}|{_PEOPLE_NOUN}|km|miles|metres|hours|minutes|days|years|ans)\b)"
    rf"|^\W*(?P<lead>{_NUMBER})\s+(?=(?:à|au|aux|off|near|at|au large|près|dans)\s)"
    rf"|(?:^|\band |\bet |, )(?P<subject>{_NUMBER})\s+(?:were|have been|had been|ont été|sont"
    r"|avaient été|off|near|au large)\b"
    rf"|\b(?<!\bof )(?<!\bde )(?<!\bà )(?<!\bat )(?<!\bin )(?P<verb>{_NUMBER})\s+"
    r"(?:more |others? |autres )?"
    r"(?:were|have been|had been|(?:l['’])?(?:ont|avaient) été)\b"
    r"|\b(?P<one>an?|une?|another|une? autre|this|cette|cet|ce)\s+"
    r"(?:(?!group|boat|dinghy|vessel|number|total|family|bateau"
    r"|embarcation|canot|famille|nombre)[\w'’-]+\s+){0,2}?"
    r"(?:man|woman|child|boy|girl|person|migrant|teenager|asylum seeker|refugee|body|homme"
    r"|femme|enfant|garçon|fille|fillette|personne|migrante|exilée?|réfugiée?|adolescente?|bébé"
    r"|naufragée?"
    r"|morte?|corps)\b"
    rf"(?!\s+(?:(?:and|or|et|ou)(?!\s+(?:an?|{_NUMBER})\s)|were among|was among"
    rf"|{_QUOTED_BOAT})\b)"
    r"|\b(?P<another>une autre|un autre|another)\s+(?=(?:a été|est|was|has been|had been)\s)"
    r"|\b(?P<single>bod(?:y|ies) of (?:an? |one )(?:\w+ )?(?:man|woman|child|boy|girl|person"
    r"|migrant|teenager)|(?:a|one|the) body\b|le corps d['’]une? )",
    _FLAGS,
)
_BOAT_COUNT = re.compile(
    rf"\b(?P<number>{_NUMBER})\s+{_WORDS_BETWEEN}"
    rf"(?:{_BOAT}|{_BOAT_FR})\b"
    r"|\b(?P<single>an?|one|un|une|another|une autre|un autre)\s+(?:(?!rescue|patrol|police|navy"
    rf"|naval|coastguard|fishing|ferry|cargo|border|lifeboat)[\w'’-]+\s+){{0,3}}?(?:boat|dinghy"
    r"|vessel|inflatable|rhib|rib"
    r"|bateau|canot|embarcation)\b",
    _FLAGS,
)


_ATTEMPTS_STOPPED = re.compile(
    rf"\b(?P<number>{_NUMBER})\s+(?:autres\s+|other\s+|further\s+|more\s+)?(?:tentatives"
    r"|départs|attempts|attempted crossings|crossings|departures)\b",
    _FLAGS,
)


def attempt_count(clause: str) -> Count | None:
    """Return how many crossing attempts a clause counts ("six tentatives", "four crossings").

    An attempt stopped is a boat stopped: "les gendarmes ont empêché six
    tentatives" or "four departures were prevented" count boats, not people.
    """
    match = _ATTEMPTS_STOPPED.search(clause)
    return None if match is None else _count(match, match.group("number"))


def people_count(clause: str, near: int = 0) -> Count | None:
    """Return the number of people a clause states closest to position ``near``, or None.

    ``near`` is where the event's cue stands: in "a dinghy carrying 30 people
    sank and 27 people died", the dead are 27. Vague plurals ("dozens")
    state no number. Groups of people written apart are one count ("four
    adults and two children", "31 hommes, 10 femmes et 22 enfants"); a part
    of a count already given is not ("42 migrants, including 10 children",
    "16 migrants dont 2 enfants"), and "48 des 55 migrants" counts 48. "N of
    them" after the cue counts some of the people the event was about ("seen
    in distress, and four of them were taken to hospital"), not all of them.
    One person is counted by "a", "another" or the demonstrative ("this man
    was pronounced dead", "cette personne est décédée").
    """
    found: list[tuple[int, int, Count]] = []
    chain: tuple[re.Match[str], Count, bool, int] | None = None  # last group, its sum, part, start
    for match in folded_finditer(_PEOPLE_FOLDED, _PEOPLE, clause):
        count = _people_match_count(match)
        if count is None or _YOUNG_ONLY.search(match.group()):
            continue
        if chain is not None and _joined_groups(clause, chain[0], match):
            part, start, count = chain[2], chain[3], _sum(chain[1], count)
            if not part:
                found.pop()
        else:
            part = (
                _SUBCOUNT.search(clause, max(0, match.start() - 40), match.start()) is not None
                and _BOAT_LOAD.search(clause, max(0, match.start() - 60), match.start()) is None
            )
            part = part or (match.group("ofthem") is not None and 0 < near <= match.start())
            start = match.start()
        chain = (match, count, part, start)
        if not (part or _among_others(clause, match)):
            found.append((max(start - near, near - match.end(), 0), start, count))
    return min(found)[2] if found else None


ONE_MORE = re.compile(
    r"\b(?:and|et)\s+(?:another|une?\s+autre|a\s+second|une?\s+seconde?)\s+"
    r"(?!(?:blessée?s?|injured|hurt|wounded|hospitali[sz]ed|hospitalisée?s?)\b)"
    r"[\w-]+(?:é|ée|és|ées|ed|u|ue|us|is|ise|it|ite|ert|erte|en|wn|nd)\b",
    _FLAGS,
)
"""One more of the same told with its verb left out: "and another pulled from the sea", "et un
autre repêché" (not one more hurt: "un mort et un autre blessé" counts one dead)."""


_ONE_AMONG = re.compile(
    r"\s+(?:were|was|are|is|had been|have been|étaient|était|sont|est|figur\w*)\s+(?:also\s+|aussi"
    r"\s+)?(?:among|parmi)\b",
    _FLAGS,
)
"""A count said to be among others ("six children were among the dead") is a part of them."""
_THEY_AMONG = re.compile(
    r"\b(?:they|those|these|ils|elles|ceux-ci|celles-ci)\s+(?:were|are|had been|have been"
    r"|étaient|sont|figur\w*)\s+(?:also\s+|aussi\s+)?(?:among|parmi)\s+(?:the\s+|les\s+)?"
    rf"(?:{_QUALIFIER}\s+)?$",
    _FLAGS,
)
"""People told of before said to be among a number ("they were among 38 people stopped that
day"): the number counts a wider group than theirs."""


def _among_others(clause: str, match: re.Match[str]) -> bool:
    """Tell whether a count is a part or a superset of the party a clause tells of.

    "Two children were among those rescued": the two are some of the party,
    whose count is told elsewhere or after. "They were among at least 38
    people intercepted": the 38 include the party told of before and others.
    Neither is the party's count.
    """
    return (
        _ONE_AMONG.match(clause, match.end()) is not None
        or _THEY_AMONG.search(clause, max(0, match.start() - 60), match.start()) is not None
    )


_YOUNG_ONLY = re.compile(r"\b(?:toddlers|babies|bébés|infants|nourrissons)$", re.IGNORECASE)
"""A count of the very young alone ("four toddlers and a baby were brought ashore") names some
of the people aboard, never all of them: a reader does not take it for the boat's count."""


def _people_match_count(match: re.Match[str]) -> Count | None:
    """Return the count one match of the people pattern states."""
    if match.group("single") or match.group("one") or match.group("another"):
        return Count(1, CountKind.EXACT)
    if match.group("groups"):
        return _groups_count(match)
    if match.group("upper"):  # "five or six people": a reader maps the most said to be there
        count = _count(match, match.group("upper"))
        return Count(count.value, CountKind.APPROXIMATE) if count is not None else None
    number = next(
        match.group(name)
        for name in (
            "part",
            "ofthem",
            "number",
            "bare",
            "aboard",
            "strong",
            "rescued",
            "party",
            "lead",
            "subject",
            "verb",
        )
        if match.group(name)
    )
    return _count(match, number)


_GROUP_SIZE = re.compile(_NUMBER, _FLAGS)


def _groups_count(match: re.Match[str]) -> Count | None:
    """Add up the groups listed one by one: "deux groupes de 26 et 24 migrants" are 50.

    So are "two dinghies carrying 26 and 24 people" and loads told boat by boat ("elles
    transportaient respectivement 26 et 24 personnes", "carrying 26 and 24 people
    respectively"): the boats told together carried them all. "Between 26 and 24" has no boat
    before it.
    """
    total: Count | None = None
    for size in _GROUP_SIZE.finditer(match.group("groups")):
        count = _count(size, size.group())
        if count is None:
            return None
        total = count if total is None else _sum(total, count)
    return total


_SUBCOUNT = re.compile(
    r"\b(?:dont|including|includ(?:ed|es)|among (?:them|whom)|of whom|parmi (?:eux|elles|lesquel"
    r"(?:le)?s|les\w*)|y compris|notamment|comprenant)\s+(?:[\w'’-]+\s+){0,2}?$"
    r"|\(\s*$",
    _FLAGS,
)
"""What puts a count inside one already given: "including 10 children", "(dont 2 enfants"."""
_BOAT_LOAD = re.compile(
    rf"\b(?:{_BOAT}|{_BOAT_FR})(?:\s+[\w'’-]+){{0,3}}?\s+comprenant\s+$", _FLAGS
)
"""A boat "comprenant 57 personnes" holds them all: its load, not part of a count told before."""
_CATEGORY = re.compile(
    r"(?:men|women|children|adults|minors|boys|girls|babies|toddlers|teenagers|males|females"
    r"|hommes|femmes|enfants|adultes|mineurs|majeurs|bébés|nourrissons|adolescents|garçons|filles"
    r"|man|woman|child|adult|minor|boy|girl|baby|male|female|homme|femme|enfant|adulte|mineur"
    r"|bébé|fille|fillette|garçon)$",
    _FLAGS,
)
"""Nouns of groups that add up to one count: adults and children, men and women."""


def _joined_groups(clause: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Tell whether two counts are groups of one party ("six hommes et deux enfants")."""
    if _SUMMED.fullmatch(clause, first.end(), second.start()) is None:
        return False
    return all(_CATEGORY.search(match.group().rstrip()) for match in (first, second))


_SUMMED = re.compile(r"\s*(?:,\s*(?:and\s+|et\s+)?|(?:and|et|plus)\s+)", _FLAGS)
"""What joins two counts of one group: "four adults and two children", "31 hommes, 10 femmes"."""


def _sum(first: Count, second: Count) -> Count:
    """Add two counts of one group; the sum is as exact as the least exact of them."""
    kind = first.kind if first.kind is not CountKind.EXACT else second.kind
    return Count(first.value + second.value, kind)


_PART_OF_WHOLE = re.compile(
    rf"\b(?P<part>{_NUMBER})\s+(?:des|of the|d['’]entre les|out of the)\s+(?P<whole>{_NUMBER})\s+"
    rf"{_WORDS_BETWEEN}{_PEOPLE_NOUN}\b",
    _FLAGS,
)
_THE_OTHERS = re.compile(
    rf"\b(?:les|the)\s+(?:other\s+)?(?P<rest>{_NUMBER})\s+(?:autres|others|remaining)\b"
    rf"|\bthe\s+other\s+(?P<other>{_NUMBER})\b",
    _FLAGS,
)


def whole_told_in_parts(part_clause: str, rest_clause: str) -> Count | None:
    """Return the whole party a report tells in two parts, or None.

    "Trois des 45 passagers ont été hélitreuillés. Les 42 autres ont été
    pris en charge": the three and "the 42 others" make up the 45 of the
    party named in the first part, so the party is 45. Only when the two
    parts add up to that whole: "three of the 45" followed by another count
    of others is no such reading; nor are others who died ("les 42 autres
    sont morts"): the dead are not of the party the event took in.
    """
    rest_match = _THE_OTHERS.search(rest_clause)
    if rest_match is None:
        return None
    rest_cue = event_cue(rest_clause[rest_match.start() :])
    if rest_cue is not None and rest_cue.event_type is EventType.DEATH:
        return None
    rest = number_value(rest_match.group("rest") or rest_match.group("other"))
    for match in _PART_OF_WHOLE.finditer(part_clause):
        part, whole = number_value(match.group("part")), number_value(match.group("whole"))
        if part is not None and whole is not None and rest is not None and part + rest == whole:
            return Count(whole, CountKind.EXACT)
    return None


def whole_and_part(clause: str) -> tuple[int, Count] | None:
    """Return the whole a clause names a part of, and the part: "35 des 40 passagers", or None.

    "Trois des 45 passagers sont hélitreuillés", "12 of the 40 people on
    board were rescued": the clause's event took the part; the whole is the
    party told of before.
    """
    match = _PART_OF_WHOLE.search(clause)
    if match is None:
        return None
    whole, part = number_value(match.group("whole")), _count(match, match.group("part"))
    return None if whole is None or part is None else (whole, part)


_THUS_COUNTED = re.compile(
    rf"\b(?:les|the)\s+(?P<number>{_NUMBER})\s+{_PEOPLE_NOUN}\s+(?:ainsi|thus)\s+[\w'’-]+",
    _FLAGS,
)


def total_of_those_told(clause: str) -> Count | None:
    """Return the count a clause gives everyone the event just told took in, or None.

    "Les 31 personnes ainsi secourues ont été déposées à Calais", "the 31
    people thus rescued": "ainsi", "thus" sum up the rescue told before,
    however it was told (in parts, or "une vingtaine" first).
    """
    match = _THUS_COUNTED.search(clause)
    return _count(match, match.group("number")) if match is not None else None


_GOT_ON = re.compile(
    rf"\b(?:(?P<ofthem>{_NUMBER})\s+(?:d['’]entre (?:eux|elles)|of them)"
    rf"|(?:seule?s?|only|just)\s+(?:{_QUALIFIER}\s+)?(?:une?\s+)?(?P<only>{_NUMBER}))\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"(?:(?:s['’])?entass\w*|(?:se\s+)?hiss\w*|mont(?:er|é|ée|és|ées|ent)|embarqu\w*"
    r"|pris\s+place|prendre\s+place|got\s+on|get\s+on|board(?:ed)?|climb(?:ed)?\s+(?:aboard|on|into)"
    r"|squeez(?:e|ed)\s+(?:on|in|aboard)|crammed\s+(?:on|in|aboard)|made\s+it\s+(?:on|aboard))\b",
    _FLAGS,
)
"""Some of a group told of who got on the boat: "une soixantaine d'entre eux a pu s'entasser sur
le bateau", "only 40 of them managed to get on", "seuls 30 ont pu monter"."""


def those_who_got_on(clause: str) -> Count | None:
    """Return how many of a group told of a clause says got on the boat, or None.

    "Près de 80 personnes courent vers l'eau ; une cinquantaine d'entre eux
    parvient à monter dans le canot": the boat left with the fifty, the
    others stayed on the beach. None when they did not ("vingt d'entre eux
    n'ont pas pu monter"): those are the ones left behind.
    """
    match = _GOT_ON.search(clause)
    if match is None or NOT_REALISED.search(match.group()) is not None:
        return None
    return _count(match, match.group("ofthem") or match.group("only"))


def boat_count(clause: str) -> Count | None:
    """Return the first number of boats a clause states ("a boat" is one), or None."""
    for match in folded_finditer(_BOAT_COUNT_FOLDED, _BOAT_COUNT, clause):
        if match.group("single"):
            return Count(1, CountKind.EXACT)
        count = _count(match, match.group("number"))
        if count is not None:
            return count
    return None


def _count(match: re.Match[str], number: str) -> Count | None:
    """Turn a matched number and the qualifier written just before it into a Count."""
    value = number_value(number)
    if value is None:
        return None
    start = match.start() + match.group().lower().find(number.lower())
    before = match.string[max(0, start - 30) : start]
    if _KIND_AT_LEAST.search(before):
        return Count(value, CountKind.AT_LEAST)
    if _KIND_ABOUT.search(before) or number.lower() in _COLLECTIVES:
        return Count(value, CountKind.APPROXIMATE)
    return Count(value, CountKind.EXACT)


def number_value(number: str) -> int | None:
    """Read a number written in digits ("2,350", "2 350") or words ("three", "forty-two")."""
    text = number.lower().strip()
    digits = re.sub(r"[,.\u202f\u00a0 ]", "", text)
    if digits.isdigit():
        return int(digits)
    if text in _COLLECTIVES:
        return _COLLECTIVES[text]
    if text in _UNITS:
        return _UNITS[text]
    return _words_value([part for part in re.split(r"[- ]+", text) if part not in ("et", "and")])


def _words_value(words: list[str]) -> int | None:
    """Add up a number's words: "soixante-dix" 70, "quatre-vingt-douze" 92, "deux cent trois" 203.

    "quatre" before "vingt" multiplies it, "cent" and "hundred" multiply what
    came before (or one); other words add. None for a word that is no number.
    """
    value = 0
    for word in words:
        if word in ("cent", "cents", "hundred"):
            value = (value or 1) * 100
        elif word in ("vingt", "vingts") and value % 100 == 4:
            value += 80 - 4
        elif word in _UNITS or word in _TENS:
            value += _UNITS.get(word) or _TENS[word]
        else:
            return None
    return value or None


# -- fast forms -------------------------------------------------------------------------
# The long word lists above, factored by first letter (see geo.extract._regex): each finds
# exactly what it is written to find, in a fraction of the tries.

EVENT_CUES = {  # each cue starts on a word: tried only there
    kind: gated(r"(?=\w)", factored(pattern)) for kind, pattern in EVENT_CUES.items()
}
PREFILTER = factored(PREFILTER)
_PREFILTER_FOLDED = without_case(PREFILTER)
_FOLDED_CUES: dict[EventType, re.Pattern[str]] = {
    kind: without_case(pattern)
    for kind, pattern in EVENT_CUES.items()
    if kind is not EventType.ARRIVAL  # it tells a place's capital letter: "reached Dover"
}
_INTENDED = factored(_INTENDED)
_TRIED = factored(_TRIED)
_NOT_BEFORE = factored(_NOT_BEFORE)
_NOT_WITHIN = factored(_NOT_WITHIN)
_MACHINE_BEFORE = factored(_MACHINE_BEFORE)
_ESCORTED_BEFORE = factored(_ESCORTED_BEFORE)
_ESCORTING = factored(_ESCORTING)
_THE_DEAD_WHO = factored(_THE_DEAD_WHO)
_ON_THE_ROAD = factored(_ON_THE_ROAD)
_RESCUED_NEXT = factored(_RESCUED_NEXT)
_TAKEN_IN_ENGLAND = factored(_TAKEN_IN_ENGLAND)
_RESCUED_BEFORE = factored(_RESCUED_BEFORE)
_TO_A_BUILDING = factored(_TO_A_BUILDING)
_A_VIEW = factored(_A_VIEW)
_ANOTHER_AIM = factored(_ANOTHER_AIM)
_OTHER_VESSEL = factored(_OTHER_VESSEL)
_STATISTICS = factored(_STATISTICS)
_STATISTICS_FOLDED = without_case(_STATISTICS)
_TALLY = factored(_TALLY)
_IN_A_YEAR = factored(_IN_A_YEAR)
_RECORD_ASIDE = factored(_RECORD_ASIDE)
_POLICY = factored(_POLICY)
_ON_LAND = factored(_ON_LAND)
SCENE_WORDS = factored(SCENE_WORDS)
_MONTH_IN = factored(_MONTH_IN)
_DATE = gated(r"(?=\w)", factored(_DATE))  # each form starts on a word: a digit, "le", "on"…
_REPORTED = factored(_REPORTED)
_LAST_YEAR = factored(_LAST_YEAR)
_DATED_LAST_YEAR = factored(_DATED_LAST_YEAR)
_FIRST_SINCE = factored(_FIRST_SINCE)
_KIND_ABOUT = factored(_KIND_ABOUT)
_PEOPLE = gated(r"(?:^|(?=[\w,]))", factored(_PEOPLE))  # on a word, but "^\W*10" and ", 10"
_PEOPLE_FOLDED = without_case(_PEOPLE)
_DATE_FOLDED = without_case(_DATE)
_BOAT_COUNT = factored(_BOAT_COUNT)
_BOAT_COUNT_FOLDED = without_case(_BOAT_COUNT)
_ATTEMPTS_STOPPED = factored(_ATTEMPTS_STOPPED)
_PART_OF_WHOLE = factored(_PART_OF_WHOLE)
_THE_OTHERS = factored(_THE_OTHERS)
_THUS_COUNTED = factored(_THUS_COUNTED)
_GOT_ON = factored(_GOT_ON)
_CATEGORY = factored(_CATEGORY)
