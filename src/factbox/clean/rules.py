"""Keyword rules: which boilerplate class a single line belongs to.

Each rule is a named, anchored regular expression tried on lines of at most ``MAX_RULE_CHARS``
characters (boilerplate lines are short; longer lines are never matched, so an enormous line
costs one length check); lines over ``MAX_BARRIER_CHARS`` characters are tried against the
rules that are not barriers only (a disclaimer or an author note may be a long paragraph, but a
long paragraph must not end the article: a 500-character photo caption that starts with
``© Getty Images`` is not the site's copyright line). The first matching rule decides.
``Rule.barrier`` marks lines that end an article (footers, comment sections, "related" lists):
the body-block detector never lets one block run across them.

All patterns are linear: no nested quantifiers, bounded repetitions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MAX_RULE_CHARS = 1200
MAX_BARRIER_CHARS = 400


@dataclass(frozen=True, slots=True)
class Rule:
    """A named line pattern and the boilerplate class (reason) it signals."""

    name: str
    reason: str
    pattern: re.Pattern[str]
    barrier: bool = False
    max_words: int = 60
    hints: tuple[str, ...] = ()  # an unanchored rule runs only if one is in the lowered line
    anchored: bool = True  # matches at the start of a line (``^``) only


def _r(
    name: str,
    reason: str,
    pattern: str,
    *,
    barrier: bool = False,
    max_words: int = 60,
    hints: tuple[str, ...] = (),
) -> Rule:
    if not hints and not pattern.startswith("^"):
        raise ValueError(f"rule {name}: an unanchored pattern needs hints")
    return Rule(
        name, reason, re.compile(pattern, re.IGNORECASE), barrier, max_words, hints, not hints
    )


MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|nes|rs|urday|sday|nesday)?\.?"

# A date in one of the common forms (used by the dateline rule and by metadata.py).
DATE_RE = re.compile(
    r"(?P<iso>\b(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})\b)"
    r"|(?P<cjk>(?P<y2>(?:19|20)\d\d)\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日)"
    rf"|(?P<mdy>\b(?P<mon3>{MONTH})\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>(?:19|20)\d\d)\b)"
    rf"|(?P<dmy>\b(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon4>{MONTH}),?\s+(?P<y4>(?:19|20)\d\d)\b)"
    r"|(?P<num>\b(?P<a5>\d{1,2})[/.](?P<b5>\d{1,2})[/.](?P<y5>(?:19|20)\d\d)\b)",
    re.IGNORECASE,
)
TIME_RE = re.compile(
    r"\b\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?|\b\d{1,2}\s*[ap]\.?m\b",
    re.IGNORECASE,
)
_DATELINE_FILLER = re.compile(
    rf"\b(?:{WEEKDAY}|published|updated|posted|modified|last|on|at|am|pm|a\.m|p\.m|admin|"
    r"source|share|date|time|edt|est|cdt|cst|pdt|pst|gmt|utc|bst|cet|cest|ist|hkt|"
    r"星期[一二三四五六日天]|周[一二三四五六日]|발행|日期|来源|时间)\b|[^\w\s]|\d+",
    re.IGNORECASE,
)

SHARE_WORDS = (
    r"share|shares|share this|share on|share this (?:article|story|post|page)|tweet|email|e-mail|"
    r"print|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|flipboard|pocket|"
    r"copy link|copy url|link copied|save|save article|bookmark|comment|comments|messenger|"
    r"sms|mail|instagram|youtube|tiktok|rss|feed|gift this article|gift article|listen|"
    r"embed|more|less|wechat|weibo|sina|qzone|like this|teilen|twittern|tweeten|drucken|"
    r"compartir|imprimir|partager|imprimer|condividi|stampa|delen|compartilhar|google\+|"
    r"tumblr|stumbleupon|vk|xing|bluesky|mastodon|digg"
)

RULES: tuple[Rule, ...] = (
    # The seed's statistics block: "Fact Box", "Level: 14.332", "Tokens: 831", "TTR: 0.478".
    _r("fact_box_heading", "statistics_block", r"^\s*fact\s*box\s*:?\s*$"),
    _r(
        "fact_box_field",
        "statistics_block",
        r"^\s*(?:level|tokens|types|ttr|words|sentences|grade|reading level|readability|"
        r"word count|lexile|flesch[\w -]{0,30})\s*[:：]\s*[\d.,]+\s*[LS]?\s*$",
    ),
    _r(
        "icp_licence",
        "site_licence",
        r"ICP\s*[备證证]|公网安备|网安备|ICP\s*licen[cs]e|ICP\s*No",
        hints=("icp", "网安备"),
    ),
    _r(
        "photo_credit",
        "photo_credit",
        r"^\s*(?:[\[(]\s*)?(?:©\s*|\(c\)\s*)?(?:photo(?:graph)?s?|pictures?|image|img|credit|titelbild|foto|fotos|bild|"
        r"illustration|file photo|photo illustration|graphic|video)"
        r"\s*(?:by|credit|courtesy|:|/|-|–)",
        max_words=40,
    ),
    _r(
        "agency_photo",
        "photo_credit",
        r"^\s*(?:©\s*)?(?:AP|AFP|Reuters|Getty|Xinhua|EPA|Shutterstock|iStock|Alamy|Sputnik|"
        r"TASS|PA|Bloomberg|Unsplash)(?:\s*Photo|\s*Images|\s*/|\s*via\b|,)",
        max_words=40,
    ),
    _r(
        "agency_only",
        "photo_credit",
        r"^\s*(?:AP|AFP|PA|EPA|Reuters|Getty(?: Images)?|Shutterstock|iStock|Alamy|Xinhua|"
        r"Bloomberg|Sputnik|TASS|Rex|Rex Features|PA Wire|PA Media|Corbis|Unsplash|Pexels|"
        r"AP Photo|AFP via Getty Images|Getty Images for [\w ]{1,30})\s*\.?\s*$",
        max_words=6,
    ),
    _r(
        "photo_credit_tail",
        "photo_credit",
        r"(?:\((?:(?:AP|AFP|AAP|EPA|PA|Reuters|Getty|Xinhua|Bloomberg|NASA|Handout)\s*)?"
        r"(?:photo|image|picture|credit)[^)]{0,80}\)|/\s*(?:getty images|shutterstock|"
        r"reuters|ap|afp|istock|alamy)|\b(?:getty images|shutterstock|istockphoto))\s*\.?\s*$",
        max_words=60,
        hints=(
            "photo",
            "image",
            "picture",
            "credit",
            "getty",
            "shutterstock",
            "reuters",
            "/",
            "afp",
            "istock",
            "alamy",
        ),
    ),
    # a Getty Images caption: "HARBOURTOWN, ENGLAND - SEPTEMBER 28: People walk …"
    _r(
        "getty_caption",
        "photo_credit",
        r"^\s*(?-i:[A-Z][A-Z .'’-]{2,30}),(?-i: [A-Z][A-Z .'’-]{2,30})? ?[-–—]{1,2} ?"
        r"(?-i:[A-Z]{3,9}) \d{1,2}(?:, \d{4})?:\s",
        max_words=120,
    ),
    # a caption that ends with its credit: "… a press conference. (Ann Berg/Valley Daily)",
    # "… at the White House. | Ann Berg/AP Photo", "(ab12/iStock)", "Photo via Harbour Club",
    # "(Foto: Privat)", "… (1761). Courtesy Harbour Museum"
    _r(
        "caption_credit",
        "photo_credit",
        r"(?:\((?:(?-i:[A-Z])[\w.'’-]*\s+){1,3}(?-i:[A-Z])[\w.'’-]*\s*/\s*[^()/]{2,50}\)"
        r"|\s\|\s*(?:[\w.'’-]+\s+){0,4}[\w.'’-]+\s*/\s*[^|/]{2,40}"
        r"|[/(]\s*(?:iStock(?:photo)?|Shutterstock|Getty Images|Alamy|Unsplash|AP|AFP|Reuters|"
        r"Pexels)(?:\s*photo)?\s*\)"
        r"|(?:^|[.,;:]\s+|\s[-–—|]\s*)photo (?:via|by|courtesy(?: of)?) (?-i:[A-Z])[^.()]{1,60}"
        r"|(?:^|[.)]\s+)courtesy(?: of)? (?-i:[A-Z])[\w .&'’-]{1,50})\s*\.?\s*$",
        max_words=80,
        hints=("/", "photo", "courtesy"),
    ),
    # a short caption with a labelled credit: "The lighthouse keeper (Foto: Privat)" (a longer
    # line may be a sentence of the article with the credit of a picture glued to it)
    _r(
        "caption_credit_label",
        "photo_credit",
        r"\((?:foto|photo|bild|image)\s*:\s*[^)]{1,60}\)\s*\.?\s*$",
        max_words=15,
        hints=("foto", "photo", "bild", "image"),
    ),
    _r(
        "photo_copyright",
        "photo_credit",
        r"^\s*(?:©|\(c\)|copyright\s*:?)\s*[A-Z\u00c0-\u024f][\w'’.-]*"
        r"(?:[ /,&-]+[\w'’.-]+){0,4}\s*$"
        # a longer credit (a society, an agency and a photographer), but not a site's notice
        r"|^\s*©\s*(?!.*\b(?:copyright|rights|reserved|derechos|rechte|policy|notice|designed|"
        r"published|hosted|ltd|inc|llc|limited|gmbh|site|website)\b)(?!.*\|)"
        r"[A-Z\u00c0-\u024f][\w'’.-]*(?:[ /,&-]+[\w'’.-]+){4,9}\s*$",
        max_words=12,
    ),
    _r(
        "powered_by",
        "footer",
        r"(?:^|\W)(?:powered by|proudly powered|theme by|designed by|site by|built with|"
        r"hosted by|website by)\b",
        barrier=True,
        max_words=20,
        hints=(
            "powered",
            "theme by",
            "designed by",
            "site by",
            "built with",
            "hosted by",
            "website by",
        ),
    ),
    _r(
        "copyright",
        "copyright",
        r"(?:^\s*(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d)|all rights reserved|©\s*(?:19|20)\d\d|"
        r"\bcopyright\s*(?:©|\(c\)|(?:19|20)\d\d)|alle rechte vorbehalten|版权所有|"
        r"todos los derechos reservados|tous droits réservés)",
        barrier=True,
        max_words=40,
        hints=("copyright", "©", "(c)", "all rights", "rechte", "版权", "derechos", "droits"),
    ),
    _r(
        "copyright_start",
        "copyright",
        r"^\s*(?:©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d)",
        barrier=True,
        max_words=200,
    ),
    _r(
        "licence_line",
        "copyright",
        r"^\s*(?:this (?:work|blog|site|article|content) is licen[cs]ed|all content is licen[cs]ed|"
        r"licen[cs]ed under (?:a |the )?creative commons|creative commons|cc by)",
        barrier=True,
        max_words=40,
    ),
    _r(
        "footer_links",
        "footer",
        r"^\s*(?:privacy(?: policy| notice| settings| statement)?|terms(?: of (?:use|service)| "
        r"and conditions| & conditions)?|cookie (?:policy|settings|preferences)|"
        r"do not sell my (?:personal )?info(?:rmation)?|accessibility(?: statement)?|sitemap|"
        r"site ?map|contact(?: us)?|about(?: us)?|careers|jobs|advertise(?: with us)?|"
        r"imprint|impressum|datenschutz(?:erklärung)?|kontakt|disclaimer|legal(?: notice)?|"
        r"faq|help|support|press|media kit|corrections|ethics policy|masthead|"
        r"back to top|top of page|go to top|scroll to top|return to top)\s*[|·•/]?\s*$",
        max_words=8,
    ),
    _r(
        "cookie_notice",
        "cookie_notice",
        r"\b(?:we (?:use|may use|and our partners use)|(?:this|our) (?:site|website) uses|"
        r"by (?:using|continuing)|you (?:agree|consent|accept)|please enable)\b.{0,150}"
        r"\bcookies?\b|\bcookies?\b.{0,150}\b"
        r"(?:we use|you agree|you consent|you accept|to improve your|your (?:browsing )?"
        r"experience|your (?:cookie|privacy) settings|this (?:site|website)|cookie policy|"
        r"verwendet)|^\s*(?:accept|reject|manage|allow)(?: all)? cookies|^\s*cookie "
        r"(?:settings|preferences|policy|consent)",
        max_words=60,
        hints=("cookie",),
    ),
    _r(
        "newsletter",
        "newsletter",
        r"\bnewsletters?\b|\bin your inbox\b|\bdelivered (?:to your inbox|weekly|daily)\b|"
        r"\bunsubscribe\b|"
        r"^\s*enter your e-?mail|^\s*your e-?mail(?: address)?\s*:?\s*$|no spam\b|"
        r"\bget (?:our|the) (?:latest|best)\b.{0,40}\b(?:e-?mail|inbox)",
        max_words=25,
        hints=(
            "newsletter",
            "subscri",
            "sign up",
            "inbox",
            "delivered",
            "mail",
            "spam",
            "get our",
            "get the",
        ),
    ),
    # the small print of a sign-up form (invented examples): "By submitting your address you
    # agree to …", "This form is protected by reCAPTCHA …", "… will receive promotional
    # emails …", "No spam, and you can opt out at any time"
    _r(
        "signup_form",
        "newsletter",
        r"\bby (?:signing up|subscribing|registering)\b[^.]{0,100}\b(?:agree|consent|accept|"
        r"acknowledge)|\bby (?:submitting|clicking|entering|providing)\b[^.]{0,40}\b(?:e-?mail|"
        r"address|details|information|subscribe|sign up|button|form)\b[^.]{0,100}\b(?:agree|"
        r"consent|accept|acknowledge)|\bprotected by recaptcha\b|"
        r"\bopt[- ]out (?:at )?any ?time\b|\breceive (?:promotional|marketing)\b|"
        r"\bthank you for (?:signing up|subscribing)\b|\bverification e-?mail\b|"
        r"\bkeep you (?:informed|updated|posted)\b[^.]{0,80}\b(?:e-?mail|offers|events|newsletter)|"
        r"\bi hate spam\b|\bcheck your (?:e-?mail|inbox) (?:to|for)\b|"
        r"\benter your (?:name and )?e-?mail\b|\benter a valid e-?mail\b|"
        r"\bprivacy policy and terms of service apply\b|"
        # a blog's e-mail subscription widget (WordPress Jetpack and its translations)
        r"\bnotifications? of new posts\b|\bdiesen blog zu abonnieren\b|"
        r"\bbenachrichtigungen über neue beiträge\b|\babonner à ce blog\b|"
        r"\bsuscribirte a este blog\b|\biscriverti a questo blog\b",
        max_words=50,
        hints=(
            "notification",
            "abonn",
            "benachrichtigung",
            "suscribirte",
            "iscriverti",
            "by signing",
            "by subscribing",
            "by registering",
            "by submitting",
            "by clicking",
            "by entering",
            "by providing",
            "recaptcha",
            "opt out",
            "opt-out",
            "promotional",
            "marketing",
            "thank you for",
            "verification",
            "keep you",
            "spam",
            "check your",
            "enter your",
            "valid e",
            "terms of service apply",
        ),
    ),
    # a paywall (invented examples): "Log in or subscribe to access this full article",
    # "Already a member of the Harbour Club? Sign in here"
    _r(
        "paywall",
        "newsletter",
        r"\bto (?:view|read|continue reading|access) (?:the|this) (?:full|rest of the|entire|"
        r"complete) (?:story|article)\b|\balready (?:a )?(?:subscriber|member)\b.{0,80}"
        r"\b(?:log ?in|sign ?in)\b|\bunlimited (?:digital )?access\b|\bfirst-time subscribers\b|"
        r"\bplease (?:subscribe|log in|sign in) to\b|\binstant access to the full\b",
        max_words=50,
        hints=(
            "to view",
            "to read",
            "to continue",
            "to access",
            "already",
            "unlimited",
            "first-time",
            "please subscribe",
            "please log",
            "please sign",
            "instant access",
        ),
    ),
    # a comment policy (invented examples): "Comments are moderated and may take a day to
    # appear", "We welcome your comments on this story …", "… our community guidelines"
    _r(
        "comment_policy",
        "comments",
        r"\bcomments? (?:are|is|will be) (?:moderated|reviewed|pre-moderated)\b|"
        r"\bwe welcome (?:reader |your |all )?comments\b|"
        r"\b(?:report|flag) (?:offensive|abusive|inappropriate) comments?\b|\bcomments? policy\b|"
        r"\bdon'?t use the comments\b|\bcommunity (?:guidelines|standards)\b|"
        r"\bwe ask that (?:all )?comments\b|\bcomments? (?:should|must) (?:be|remain) (?:civil|"
        r"respectful|relevant|on[- ]topic)\b|\bkeep (?:your )?comments (?:civil|respectful|"
        r"relevant|on[- ]topic)\b",
        max_words=50,
        hints=(
            "we ask that",
            "comments should",
            "comment should",
            "comments must",
            "comment must",
            "keep comments",
            "keep your comments",
            "comments are",
            "comment is",
            "comments will",
            "welcome",
            "comments policy",
            "comment policy",
            "offensive",
            "abusive",
            "inappropriate",
            "the comments",
            "community",
        ),
    ),
    _r(
        "inbox_promo",
        "newsletter",
        r"\b(?:delivered|sent|straight|direct(?:ly)?|right|daily|weekly|free|get|receive|"
        r"headlines|stories|news|updates)\b[^.!?]{0,40}\b(?:to|in|into) (?:your|their) "
        r"inbox(?:es)?\b|^\s*never miss (?:a|an|our|the|another)\b(?:\W*\w+){0,2}\W*$|"
        r"\bnever miss (?:a|an|our|the|another)\b[^.!?]{0,60}\b(?:by (?:e-?mail|signing)|"
        r"newsletter|inbox)|\bby e-?mail\b[^.!?]{0,20}\bnever miss\b",
        max_words=40,
        hints=("inbox", "never miss"),
    ),
    _r(
        "join_readers",
        "newsletter",
        r"^\s*join (?:over |more than |the |our )?(?:[\d,.]+k?\+?|hundreds|thousands|millions)"
        r"\b(?: of)? (?:other |fellow )?(?:[\w-]+ ){0,3}[\w-]+s (?:who|and|like you|learning|"
        r"reading|getting|already|in)\b",
        max_words=40,
    ),
    _r(
        "subscribe_to",
        "newsletter",
        r"^\s*subscribe (?:to|now|for|here|today)\b",
        max_words=25,
    ),
    _r(
        "follow_named",
        "share_widget",
        r"^\s*follow (?:us|me|@\w+|(?-i:[A-Z])[\w'’]+(?: (?-i:[A-Z])[\w'’]+){0,3}) on "
        r"(?:twitter|facebook|instagram|x|linkedin|tiktok|youtube|threads|bluesky|mastodon)\b",
        max_words=40,
    ),
    _r(
        "disclaimer_heading",
        "author_note",
        r"^\s*disclaimers?\s*(?:[:(]|$)",
        max_words=150,
    ),
    _r(
        "subscribe",
        "newsletter",
        r"\bsubscribe\b|\bsubscription\b|\bsign up (?:for|to|now|today)\b",
        max_words=12,
        hints=("subscri", "sign up"),
    ),
    _r(
        "sign_in",
        "sign_in",
        r"^\s*(?:sign (?:in|out|up)|log ?in|log ?out|register|create (?:an |your )?account|"
        r"my account|your account|account|welcome,?|forgot (?:your )?password\??|"
        r"remember me|anmelden|abmelden|registrieren|iniciar sesión|connexion|"
        r"already (?:a subscriber|have an account)\??.{0,40})\s*[|/·•]?\s*(?:(?:sign (?:in|up)|"
        r"log ?in|register|subscribe)\s*)?$",
        max_words=10,
    ),
    _r(
        "share_widget",
        "share_widget",
        rf"^\s*(?:(?:{SHARE_WORDS})\s*(?:[:|/·•,]|\(\d+\)|\d+)?\s*){{1,20}}$",
        max_words=20,
    ),
    _r(
        "follow_us",
        "share_widget",
        r"^\s*(?:follow (?:us|me)|connect with us|find us on|like us on|join us on|"
        r"stay connected|share (?:this|on|via)|share the (?:article|story)|"
        r"click to (?:share|print|email|e-mail)|share with|sharing is caring|folgen sie uns|"
        r"síguenos|suivez-nous)\b"
        r"|^\s*follow(?: [\w@'’]+){0,4} on (?:twitter|facebook|instagram|x|linkedin|tiktok|"
        r"youtube|threads|bluesky|mastodon)\s*[.!:]?\s*$",
        max_words=14,
    ),
    _r(
        "editor_credit",
        "editor",
        r"^\s*(?:\(?\s*(?:editor|editors|edited by|责任编辑|编辑|"
        r"responsible editor|web editor|chief editor|copy editor|editing by|"
        r"reporting by|additional reporting by|writing by|compiled by|translated by|"
        r"translator|proofread by)\s*[:：]?\s*(?:by\s+)?[\w'’.-]+"
        r"(?:[ ,&-]+[\w'’.-]+){0,8}\s*\)?\s*$)",
        max_words=16,
    ),
    _r(
        "author_note",
        "author_note",
        r"^\s*(?:the (?:author|writer|authors|writers)\s+(?:is|are|was|were|has|have|"
        r"contributed|works?|teaches|serves?)\b|about the authors?\b|"
        r"the views?(?: and opinions)?(?: expressed)?(?: in this (?:article|piece|column))?"
        r" (?:do not|don['’]t|are (?:those|solely|the author)|expressed)|"
        r"(?:this|the) (?:article|piece|column|story) (?:was )?(?:first |originally )?"
        r"(?:appeared|published|reprinted|republished)|this article (?:was )?(?:produced|"
        r"written) by|opinions expressed)",
        max_words=150,
    ),
    _r(
        "disclaimer",
        "author_note",
        r"\b(?:opinions|views) expressed (?:here|in this|are)\b|\bhas not been reviewed, approved"
        r"|\bare (?:the )?author['’]s alone\b|\bdo(?:es)? not necessarily (?:reflect|represent)"
        r" (?:the )?(?:views|opinions|position)",
        max_words=80,
        hints=("expressed", "reviewed", "alone", "necessarily"),
    ),
    _r(
        "tag_list",
        "tag_list",
        r"^\s*(?:tags?|tagged(?: with)?|topics?|keywords?|filed under|categor(?:y|ies)|"
        r"posted in|labels?|schlagwörter|schlagworte|stichworte|stichwörter|themen|temas|"
        r"etiquetas|mots-clés|étiquettes|标签|关键词)\s*[:：]",
        max_words=40,
    ),
    _r(
        "tag_heading",
        "tag_list",
        r"^\s*(?:tags?|tagged|topics|keywords|schlagworte|schlagwörter|stichworte|themen|"
        r"etiquetas|temas|étiquettes|mots-clés)\s*:?\s*$",
        barrier=True,
        max_words=2,
    ),
    _r(
        "related",
        "related",
        r"^\s*(?:related(?: articles?| stories| posts?| content| coverage| links| reading| news"
        r"| topics| videos?)?|read (?:more|also|next|this next)|see also|also read|"
        r"more (?:from|on|in|about|stories|news|articles|videos|to read|like this)\b.{0,60}|"
        r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| "
        r"reading| stories| articles)?|(?:most|more) (?:read|popular|viewed|shared|emailed)|"
        r"trending(?: now| stories| nationally| on \w+)?|popular(?: posts| stories| now)?|"
        r"latest(?: news| stories| posts| articles| videos)?|top stories|editor['’]?s picks|"
        r"what to read next|want more|up next|next up|don['’]t miss|must read|"
        r"in case you missed it|"
        r"further reading|explore more|keep reading|weitere artikel|das könnte sie auch "
        r"interessieren|lesen sie auch|ähnliche beiträge|artículos relacionados|"
        r"verwandte artikel(?:\s*mehr vom autor)?|mehr vom autor|noticias relacionadas|"
        r"más noticias|te puede interesar|"
        r"también te puede interesar|vous aimerez aussi|leia também|"
        r"à lire aussi|sur le même sujet|相关新闻|相关阅读)\s*[:：»>.…]*\s*(?:[^\w\s]\s*){0,3}$",
        barrier=True,
        max_words=12,
    ),
    _r(
        "related_heading",
        "related",
        r"^\s*(?:more|top|latest|popular|recommended|related|trending|featured|editor['’]?s['’]?|"
        r"best|other|similar|recent|our|from (?:the|our) [\w ]{1,30})\b[^.!?]{0,40}\b(?:stories|"
        r"articles|posts|news|reads|videos?|picks|content|links|guides|recipes|reviews|"
        r"headlines|coverage|shopping|deals)\s*[:：»>.…]*\s*$"
        r"|^\s*(?:now on|featured(?: video| story)?|"
        r"sponsored stories|around the web|from the web|more for you|for you)\s*:?\s*$",
        barrier=True,
        max_words=8,
    ),
    # a link to a live page or a topic hub standing alone (invented examples): "The latest
    # news about the harbour works", "Latest updates on the ferry strike (free to read)"; a
    # sentence that reports the news ("The latest news is good") has a verb and stays
    _r(
        "latest_news_link",
        "related",
        r"^\s*(?:the |our )?latest (?:news|updates|headlines|stories|coverage)\b"
        r"(?![^\n]*\b(?:is|are|was|were|has|have|had|will|would|came|comes|shows?|showed|"
        r"suggests?|says?|said)\b)",
        max_words=16,
    ),
    _r(
        "shared_count",
        "share_widget",
        r"^\s*this (?:story|article|post) has been shared [\d,.]+ times\.?\s*$",
        max_words=10,
    ),
    _r(
        "related_inline",
        "related",
        r"^\s*(?:related|read more|read also|also read|see also|more|watch|listen|read|lea|"
        r"lea también|lea más|lee también|lesen sie auch|lesen sie|mehr zum thema|à lire aussi|"
        r"lire aussi|voir aussi|leia também|leia mais)\s*[:|»>]\s*\S",
        max_words=30,
    ),
    _r(
        "comments",
        "comments",
        r"^\s*(?:\d+\s*(?:comments?|responses?|replies|kommentare?|comentarios?|commentaires?)|"
        # a bare "response", "discussion" or "conversation" in lower case is a word of a
        # paragraph split at its links or a variable of a code listing, not a heading
        r"(?:comments?|kommentare?|comentarios?|commentaires?|(?-i:R)esponses?|"
        r"(?-i:D)iscussion|(?-i:C)onversation)\s*(?:\(\d+\)|\d+)?|"
        r"leave a (?:comment|reply|response)|"
        r"post a comment|add (?:a|your) comment|write a comment|join the (?:discussion|"
        r"conversation)|be part of the conversation|show comments|view comments|"
        r"load more comments|there are no comments(?: yet)?|no comments(?: yet)?|"
        r"be the first to comment|comments? (?:via|with|using) (?:facebook|disqus)|"
        r"\d+\s*thoughts? on\b.{0,120}|\W{0,3}\d+ comments?\b.{0,60}|"
        r"(?:\d+|one|two|three)\s+(?:replies|reply|responses?|antworten|kommentare?) "
        r"(?:on|to|zu)\s+[“\"„'‘«].{0,120}|"
        r"(?:\d+\s+)?responses to\b.{0,120}|"
        r"comments? are closed|commenting is (?:closed|not (?:currently )?available).{0,120}|"
        r"your email address will not be published.{0,80}|required fields are marked.{0,20}|"
        r"deja un comentario|kommentar schreiben|schreibe einen kommentar|"
        r"laisser un commentaire|neueste kommentare|recent comments|"
        # comment widgets (wpDiscuz, Disqus): sort order, subscription, counts of threads
        r"notify of(?: new (?:replies|follow-up comments))?|inline feedbacks|"
        r"view all comments|show all comments|(?:sort|order) by\s*:?\s*(?:newest|oldest|best|"
        r"top|most voted|popular)?|(?:newest|oldest|neueste?|älteste)\s+(?:newest|oldest|neueste?|"
        r"älteste|most voted|best|beste)\b.{0,30}|hinterlasse einen kommentar|"
        r"kommentare abonnieren\??|lascia un commento|deixe um comentário)\s*[:.!]?\s*$",
        barrier=True,
        max_words=30,
    ),
    # the author line of a WordPress comment: "Ann Berg says:" (a barrier when there are two)
    _r(
        "comment_author",
        "comments",
        r"^\s*[\w@][\w .@'’-]{0,40}\ssays\s*:\s*$",
        max_words=7,
    ),
    # a relative time stamp under a comment or a feed item: "3 hours ago", "5 points · 2 years ago"
    _r(
        "relative_time",
        "dateline",
        r"^\s*(?:[\w ]{0,20}[·|•-]\s*)?(?:posted\s+|updated\s+)?(?:\d+|an?|one)\s*(?:sec(?:ond)?s?|"
        r"min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?|yrs?)\s+ago\s*$",
        max_words=8,
    ),
    _r(
        "reply_link",
        "comments",
        r"^\s*(?:reply|antworten|responder|répondre|report|"
        r"like|likes?\s*\d+|\d+\s*likes?|upvote|downvote|permalink|flag)\s*(?:↓|→)?\s*$",
        max_words=3,
    ),
    _r(
        "advertisement",
        "advertisement",
        r"^\s*(?:advertisement|advertisment|advertising|anzeige|publicidad|publicité|"
        r"sponsored(?: content| by.{0,40})?|promoted(?: content| stories)?|paid (?:content|post)|"
        r"partner content|ad|ads|story continues below(?: advertisement)?|"
        r"article continues below(?: this ad| advertisement)?|continue reading below|"
        r"scroll (?:down )?to (?:continue|read more)(?: with content| reading)?.{0,40}|"
        r"skip (?:this )?ad|report this ad|close ad)\s*[:.]?\s*$",
        max_words=12,
    ),
    _r(
        "promo",
        "newsletter",
        r"\bdownload (?:the|our) [\w .-]{0,30}apps?\b|\bget (?:the|our) [\w .-]{0,30}app\b|"
        r"\bsend me (?:an )?e-?mail|\bget (?:regular|daily|weekly|the latest) (?:updates|news)"
        r"|\bpush notifications\b|(?:^|[.!?:]\s*)sign up\b|\bsign up (?:for|to) (?:our|my|"
        r"free|a free)\b|\bsign up (?:for|to) the\b[\w '’-]{0,40}\b(?:newsletters?|updates|"
        r"alerts|e-?mails?|briefing|digest|mailing list)\b|\bsign up (?:now|today|here)\b|"
        r"\bjoin (?:the )?[\w .-]{0,30}(?:newsletter|"
        r"mailing list|community)\b|\bsupport (?:our|independent) journalism\b|"
        r"\b(?:become|became) a (?:member|subscriber|patron)\b|\bcancel (?:anytime|any time)\b",
        max_words=35,
        hints=(
            "download",
            "get the",
            "get our",
            "send me",
            "get regular",
            "get daily",
            "get weekly",
            "push notif",
            "sign up",
            "join",
            "support",
            "member",
            "subscriber",
            "patron",
            "cancel",
        ),
    ),
    # sixth round, kept apart from "promo" so that its hints do not make that long pattern run
    # on more lines: "Receive a daily list of our best stories", "Cancela cuando quieras"
    _r(
        "daily_digest",
        "newsletter",
        r"\breceive (?:a|our|the) (?:free )?(?:daily|weekly|monthly) (?:list|digest|round-?up|"
        r"e-?mail|briefing|selection)\b",
        max_words=35,
        hints=("receive a ", "receive our ", "receive the "),
    ),
    _r(
        "cancel_anytime",
        "newsletter",
        r"\bcancela cuando quieras\b|\bjederzeit kündbar\b|\brésiliable à tout moment\b",
        max_words=35,
        hints=("cuando quieras", "kündbar", "résiliable"),
    ),
    _r(
        "comment_form_field",
        "comments",
        r"^\s*(?:name|e-?mail|website|comment)\s*\*?\s*:?\s*\*?\s*$",
        max_words=3,
    ),
    _r(
        "comment_form",
        "comments",
        r"save my name, email|"
        r"please enter your (?:name|e-?mail|comment)|you have entered an incorrect e-?mail|"
        r"notify me of (?:new|follow-up) (?:posts|comments)|we want to hear what you think|"
        r"to (?:leave|post) a comment|is not responsible for the (?:opinions|content|comments)|"
        # the same in other languages (WordPress, Blogger, Typepad comment forms)
        r"\bkommentieren möchten\b|\bfüllen sie bitte die (?:nachstehenden|folgenden) felder\b|"
        r"\btrage deine daten unten ein\b|\bpflichtfelder sind mit\b|"
        # WordPress's own comment-form strings in German, Spanish and French
        r"\bmeinen namen, meine e-mail-adresse\b|\bbitte geben sie (?:hier )?ihren (?:kommentar|"
        r"namen)\b|\bsie haben eine falsche e-mail-adresse\b|\bantwort abbrechen\b|"
        r"\bguardar mi nombre, correo\b|\bpor favor ingrese su (?:comentario|nombre)\b|"
        r"\bcancelar respuesta\b|\benregistrer mon nom, mon (?:e-mail|adresse)\b|"
        r"\bannuler la réponse\b|\be-mail-adresse wird nicht veröffentlicht\b|"
        r"\berforderliche felder sind\b|\bhinterlasse eine antwort\b|\bno será publicada\b|"
        r"\bdeja una respuesta\b|\bne sera pas publiée\b|\blaisser une réponse\b|"
        r"\blos campos obligatorios están marcados\b|\bles champs obligatoires sont indiqués\b",
        barrier=True,
        max_words=60,
        hints=(
            "kommentieren",
            "felder",
            "meinen namen",
            "bitte geben",
            "falsche e-mail",
            "abbrechen",
            "guardar mi",
            "ingrese su",
            "cancelar respuesta",
            "enregistrer mon",
            "annuler la",
            "veröffentlicht",
            "erforderliche",
            "hinterlasse eine",
            "publicada",
            "deja una",
            "publiée",
            "laisser une",
            "trage deine",
            "obligatorios",
            "obligatoires",
            "save my",
            "please enter",
            "incorrect",
            "notify me",
            "hear what",
            "to leave",
            "to post",
            "not responsible",
        ),
    ),
    _r(
        "affiliate",
        "advertisement",
        r"\b(?:we may (?:earn|receive) (?:a )?(?:commission|compensation)|affiliate links?\b|"
        r"receives? compensation|earns? (?:a )?commissions?\b|"
        r"amazon (?:services llc )?associates? program|earns? (?:revenue|fees|commissions?) from "
        r"qualifying purchases|advertising disclosure|"
        r"when you (?:buy|purchase) (?:something )?through (?:links|our links)|"
        r"(?:^|(?<=\|\s))(?:buy|shop|order) (?:it |now )?(?:from|on|at) amazon\s*[.!]?\s*$)",
        max_words=80,
        hints=(
            "commission",
            "compensation",
            "affiliate",
            "associate",
            "qualifying",
            "advertising disclosure",
            "amazon",
        ),
    ),
    _r(
        "media_widget",
        "media_widget",
        r"^\s*(?:watch(?: live| now| the video| video)?|video|play(?: video)?|listen(?: now| live|"
        r" to this (?:article|story))?|audio|embed|more videos|view (?:gallery|slideshow|"
        r"photos?|larger map|full size|image)|gallery|slideshow|photos?|"
        r"\d+\s*(?:photos?|images?|min(?:ute)?s?(?: read| listen)?|words|sec read)|"
        r"(?:\d+|one|two|three|four|five)[- ]min(?:ute)? read|reading time\s*:?.{0,20}|"
        r"enlarge this image|toggle caption|hide caption|expand|click to expand|"
        r"open in (?:new window|app)|download(?: the)? app|get the app|"
        r"\d{1,2}:\d\d)\s*(?:<>|[:|·•»>])?\s*(?:more videos|\d+\s*(?:of|/)\s*\d+)?\s*$",
        max_words=10,
    ),
    # embedded posts and players, as their widgets render in text (an embedded tweet and its
    # "— Name (@handle) date" line are kept: they quote a source, as trafilatura keeps them)
    _r(
        "social_embed",
        "media_widget",
        r"^\s*(?:view this (?:post|photo|video|profile) on (?:instagram|facebook|twitter|x|"
        r"tiktok|youtube)\b.{0,20}|"
        r"a (?:post|photo|video) shared by\b[^@]{0,80}\(@\w{1,30}\).{0,60}|"
        r"media playback is (?:unsupported|not supported) on your device\.?|"
        r"(?:media|image|video) caption(?:\b|(?-i:(?=[A-Z]))).{0,300})\s*$",
        max_words=60,
    ),
    _r(
        "image_copyright",
        "photo_credit",
        r"^\s*image (?:copyright|source)\b.{0,60}$",
        max_words=10,
    ),
    # a gallery counter glued to the caption by the scraper ("1/50Harbour life in pictures"), or
    # alone ("3 of 12"; not "1/4", a fraction in a recipe)
    _r(
        "gallery_counter",
        "gallery",
        r"^\s*(?:\d{1,3}/\d{1,3}(?-i:[A-Z])|\d{1,3} of \d{1,3}\s*$)",
        max_words=15,
    ),
    _r(
        "navigation",
        "navigation",
        r"^\s*(?:home|menu|main menu|navigation|search|search for:?|skip to (?:main )?"
        r"(?:content|navigation)|skip navigation|toggle navigation|open menu|close menu|"
        r"close|open|more|sections|all sections|categories|archives?|browse|next|previous|"
        r"prev|back|previous (?:article|post|story|page)|next (?:article|post|story|page)|"
        r"older posts?|newer posts?|page \d+ of \d+|load more|show more|see more|view all|"
        r"see all|view more|←|→|«|»|breadcrumb|you are here:?|startseite|inicio|accueil|"
        r"zurück|weiter|siguiente|anterior|suivant|précédent)\s*[:»>|]?\s*$",
        max_words=6,
    ),
    # a link to the previous or next article: "PREVIOUS Ferry fares to rise", "Next post:
    # Harbour reopens", "« Lifeboat day draws crowds", "Harbour reopens »" (a guillemet that
    # opens or closes nothing else on the line: not a quotation)
    _r(
        "prev_next",
        "navigation",
        r"^\s*(?:[«‹←]\s*)?(?:(?:previous|next|prev|older|newer|vorheriger|nächster|anterior|"
        r"siguiente|précédent|suivant)(?: (?:article|artikel|post|story|entry|beitrag|"
        r"artículo|noticia))?\s*(?:[:»›→|]|\s-\s)|(?:previous|next|prev|older|newer|vorheriger|"
        r"nächster) (?:article|artikel|post|story|entry|beitrag)|(?-i:PREVIOUS|NEXT|PREV)\b)\s*\S"
        r"|^\s*[«‹][^»›]{3,200}$|^\s*←[^→]{3,200}(?:→[^←]{3,200})?$",
        max_words=25,
    ),
    # the same with the arrow at the end: "Ferry fares to rise »" (hint-gated: scanning every
    # line for an arrow at its end was the dearest part of the anchored pre-filter)
    _r(
        "prev_next_end",
        "navigation",
        r"^[^«‹←]{3,200}[»›→]\s*$",
        max_words=25,
        hints=("»", "›", "→"),
    ),
    _r(
        "page_widget",
        "navigation",
        r"^\s*(?:report (?:an? )?(?:error|typo|correction|problem|this (?:post|comment|ad))\b"
        r".{0,30}"
        r"|(?:got|have) a (?:news )?tip\b.{0,60}|send us (?:a|your) (?:tip|story|news)\b.{0,60}"
        r"|click here\b.{0,150}|(?:donate|support us)(?: now| today| to [\w ]{1,30})?\s*[!.]?"
        r"|make a donation\b.{0,40}|(?:print|e-?mail) this (?:article|page|story|post)\s*:?"
        r"|was this (?:article|page|story|information|answer)? ?helpful\??.{0,20}"
        r"|(?:text|font) size\s*:?.{0,10}|translate this page"
        r"|save (?:for later|this (?:article|story))|add to (?:favou?rites|reading list)"
        r"|give us (?:your )?feedback\b.{0,50})\s*$",
        max_words=30,
    ),
    # a row of links separated by bars, in any language: "Impressum | Datenschutz | Kontakt"
    # (three or more items of one to three words, no digits or sentence punctuation)
    _r(
        "link_row",
        "navigation",
        r"^\s*[^\W\d_][^|.!?\d]{0,28}(?:\s\|\s[^\W\d_][^|.!?\d]{0,28}){2,}\s*\|?\s*$",
        max_words=15,
    ),
    _r(
        "breadcrumb",
        "navigation",
        r"^\s*(?:home|startseite|inicio|accueil)\s*(?:[>»›/|]|\s-\s)",
        max_words=20,
    ),
    _r(
        "source_line",
        "dateline",
        r"^\s*(?:source|来源|quelle|fuente)\s*[:：]\s*\S{0,60}(?:\s+\S+){0,5}\s*$",
        max_words=8,
    ),
    _r(
        "byline",
        "byline",
        r"^\s*(?:by(?-i:(?=[A-Z]))|by\s*[:：]?\s+(?-i:(?=[A-Z\u00c0-\u024f]))|"
        r"written by\s|posted by\s|"
        r"words by\s|story by\s|report(?:ed)? by\s|reporter\s*[:：]|author\s*[:：]|"
        r"(?:fact[- ]checked|(?:medically )?reviewed|verified) by\s|"
        r"authors?\s*[:：]|von\s+(?-i:(?=[A-Z]))|por\s+(?-i:(?=[A-Z]))|par\s+(?-i:(?=[A-Z]))|记者)",
        max_words=14,
    ),
    _r(
        "author_bio_link",
        "byline",
        r"^\s*(?:view (?:my )?(?:complete )?profile|more (?:articles|posts|stories) by|"
        r"all (?:posts|articles|stories) by|see (?:full )?bio|(?:read )?full bio|follow the author|"
        r"learn (?:more )?about our (?:editorial|review|fact[- ]checking|financial review)|"
        r"contact the (?:author|reporter)|email the (?:author|reporter)).{0,60}$",
        max_words=12,
    ),
)

_RULE_BY_NAME = {r.name: r for r in RULES}


def rule_named(name: str) -> Rule:
    """The rule with this name (used by tests and the explanation docs)."""
    return _RULE_BY_NAME[name]


# the attribution under an embedded post: "— Ann Berg (@annberg) January 24, 2020" closes a
# quoted tweet inside the article; it is not the page's dateline
_EMBED_CREDIT_RE = re.compile(r"^\W{0,3}[^()]{1,60}\(@\w{1,30}\)")


def is_dateline(line: str) -> bool:
    """True when ``line`` is a date (and time) with at most two other words.

    >>> is_dateline("2021-04-16 22:10:26 admin source: share:")
    True
    >>> is_dateline("Thursday, November 9, 2023 4:41AM")
    True
    """
    if len(line) > 120 or ("(@" in line and _EMBED_CREDIT_RE.search(line)):
        return False
    m = DATE_RE.search(line)
    if m is None:
        return False
    rest = DATE_RE.sub(" ", line)
    rest = TIME_RE.sub(" ", rest)
    rest = _DATELINE_FILLER.sub(" ", rest)
    return len(rest.split()) <= 2


# Anchored rules are tried at the start of the line only, and only those that can start with
# its first character (below); unanchored rules run only when one of their literal hints
# occurs in the lowered line. _any_anchored, all anchored rules in one pattern, was the
# pre-filter up to round 6; tests check the dispatch against it.
@lru_cache(maxsize=1)
def _any_anchored() -> re.Pattern[str]:
    """All anchored rules in one pattern (compiled on first use: it takes ~0.1 s)."""
    return re.compile(
        "|".join(f"(?:{r.pattern.pattern})" for r in RULES if r.anchored), re.IGNORECASE
    )


# First-character dispatch of the anchored rules. The regular-expression engine tried the 43
# alternatives of the combined pre-filter one by one on every line; the first non-space
# character of a line rules most of them out. _first_chars reads, from each pattern's parse
# tree, the set of characters its match can start with after leading white space (a superset:
# an element that may match white space only, or nothing, is looked through), and
# _rules_for(c, hinted) lists the rules to try, in RULES order. Only ASCII characters are
# modelled exactly; a line that starts with another character tries every anchored rule.
# (Joining each character's rules into one pattern was 5 % faster per line, but compiling
# the ~60 patterns cost 0.4 s in every process.)
_ANY = None
_WS_CHARS = frozenset(" \t\n\r\f\v")


def _fold(chars: set[str], icase: bool) -> set[str]:
    if not icase:
        return chars
    out = set(chars)
    for c in chars:
        out.update((c.lower(), c.upper(), c.lower().upper(), c.upper().lower()))
    return out


_ASCII = frozenset(chr(i) for i in range(128))
_CATEGORIES = {
    "CATEGORY_DIGIT": frozenset("0123456789"),
    "CATEGORY_SPACE": _WS_CHARS,
    "CATEGORY_WORD": frozenset(ch for ch in _ASCII if ch.isalnum() or ch == "_"),
}


def _category(av) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The ASCII characters of a category (\\d, \\s, \\w or a negation)."""
    name = str(av)
    if name.startswith("CATEGORY_NOT_"):
        return _ASCII - _CATEGORIES["CATEGORY_" + name.removeprefix("CATEGORY_NOT_")]
    return _CATEGORIES[name]


def _first_of_set(items: list, icase: bool) -> set[str] | None:  # type: ignore[type-arg]
    """The characters of a character set ``[...]``; only its ASCII characters are exact (lines
    that start with another character do not use the dispatch)."""
    from re import _constants as c

    out: set[str] = set()
    negate = False
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE:
            lo, hi = av[0], min(av[1], 0x24F)  # beyond Latin Extended-B: no ASCII folds
            out.update(chr(i) for i in range(lo, hi + 1))
        elif op is c.CATEGORY:
            out |= _category(av)
        else:
            return _ANY
    out = _fold(out, icase)
    return set(_ASCII - out) if negate else out


def _first_chars(seq, icase: bool) -> tuple[set[str] | None, bool]:  # type: ignore[no-untyped-def]
    """(first characters or _ANY, white-space-only) of a parsed pattern: the characters its
    first non-space character may be, and whether it can match a string of white space only
    (or nothing), in which case the element after it is looked at too."""
    from re import _constants as c

    out: set[str] = set()
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width
        if op is c.LITERAL:
            first: set[str] | None = _fold({chr(av)}, icase)
            ws_only = chr(av) in _WS_CHARS
        elif op is c.IN:
            first = _first_of_set(av, icase)
            ws_only = first is _ANY or bool(first & _WS_CHARS)
        elif op is c.NOT_LITERAL:
            first, ws_only = set(_ASCII - _fold({chr(av)}, icase)), True
        elif op is c.ANY:
            first, ws_only = set(_ASCII - {"\n"}), True
        elif op is c.SUBPATTERN:
            _group, add, rm, sub = av
            ic = (icase or bool(add & re.IGNORECASE)) and not rm & re.IGNORECASE
            first, ws_only = _first_chars(sub, ic)
        elif op is c.ATOMIC_GROUP:
            first, ws_only = _first_chars(av, icase)
        elif op is c.BRANCH:
            first, ws_only = set(), False
            for branch in av[1]:
                f, w = _first_chars(branch, icase)
                if f is _ANY:
                    return _ANY, True
                first |= f
                ws_only = ws_only or w
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            first, ws_only = _first_chars(sub, icase)
            ws_only = ws_only or lo == 0
        else:  # GROUPREF, ...
            return _ANY, True
        if first is _ANY:
            return _ANY, True
        out |= first
        if not ws_only:
            return out, False
    return out, True


@lru_cache(maxsize=1)
def _anchored_first() -> dict[str, frozenset[str] | None]:
    """Rule name -> the characters an anchored rule's match can start with after white space
    (None: any character), read from the pattern's parse tree."""
    out: dict[str, frozenset[str] | None] = {}
    try:  # re's parser is private: on a Python where it differs, every rule is tried
        from re import _parser
    except ImportError:  # pragma: no cover - Python 3.11 to 3.13 have it
        return {r.name: None for r in RULES if r.anchored}
    for r in RULES:
        if r.anchored:
            try:
                tree = _parser.parse(r.pattern.pattern, r.pattern.flags)
                first, ws_only = _first_chars(tree, bool(r.pattern.flags & re.IGNORECASE))
            except (AttributeError, ImportError, TypeError, ValueError):  # pragma: no cover
                first, ws_only = _ANY, True
            out[r.name] = None if first is _ANY or ws_only else frozenset(first)
    return out


@lru_cache(maxsize=512)
def _rules_for(ch: str, hinted: bool) -> tuple[tuple[Rule, re.Pattern[str] | None], ...]:
    """RULES in order (with their hint patterns), without the anchored rules that cannot start
    with ``ch`` (an ASCII character; ``""`` keeps them all) and, when ``hinted`` is False,
    without the unanchored rules (none of their hints is in the line)."""
    first = _anchored_first()
    out = []
    for rule, hint_re in zip(RULES, _RULE_HINT_RES, strict=True):
        if rule.anchored:
            chars = first[rule.name]
            if ch and chars is not None and ch not in chars:
                continue
        elif not hinted:
            continue
        out.append((rule, hint_re))
    return tuple(out)


def _first_key(line: str) -> str:
    """The first non-space character of ``line`` if it is ASCII, else ``""``."""
    ch = line[:1]
    if ch.isspace():
        ch = line.lstrip()[:1]
    return ch if ch.isascii() else ""


_DIGIT_RE = re.compile(r"\d")


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for a set of literal words, as a trie (``a(?:gree|ccept)``):
    Python's regex engine tries the alternatives of a flat alternation one by one at every
    position, a trie only those that share the next character (twice as fast with 110 hints)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        end = "" in node
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return walk(trie)


_HINT_RE = re.compile(_trie_pattern({h for r in RULES for h in r.hints}))
# a rule with many hints looks for them with one trie pattern instead of a loop in Python
_RULE_HINT_RES = tuple(
    re.compile(_trie_pattern(set(r.hints))) if len(r.hints) > 8 else None for r in RULES
)


_MARKUP_START = frozenset("•·▪‣◦*–-#>_\\")
_LEAD_MARKUP_RE = re.compile(r"^(?:[•·▪‣◦*–-]+\s+|#{1,6}\s+|>\s*)+")


def unmark(line: str) -> str:
    """``line`` without a leading bullet (lynx and html2text bullet every ``<li>``), Markdown
    heading or quote marker, emphasis around it (``**Tags:**``) or backslash escapes."""
    out = _LEAD_MARKUP_RE.sub("", line, count=1).strip("*_ ")
    if "\\" in out:
        out = out.replace("\\", "")
    return out or line


@lru_cache(maxsize=8192)
def match(line: str, n_words: int) -> Rule | None:
    """The first rule that matches ``line`` (a stripped line of ``n_words`` words), or None."""
    if len(line) > MAX_RULE_CHARS:
        return None
    if line[:1] in _MARKUP_START:  # "* Share on Facebook", "## Related", "**Tags:**"
        line = unmark(line)
    if len(line) > MAX_BARRIER_CHARS:
        return _match_long(line, n_words)
    if _DIGIT_RE.search(line) and is_dateline(line):
        return DATELINE_RULE
    low = line.lower()
    hinted = _HINT_RE.search(low) is not None
    for rule, hint_re in _rules_for(_first_key(line), hinted):
        if n_words > rule.max_words:
            continue
        if rule.anchored:
            if rule.pattern.match(line):
                return rule
        elif (
            hint_re.search(low) is not None
            if hint_re is not None
            else any(h in low for h in rule.hints)
        ) and rule.pattern.search(line):
            return rule
    return None


@lru_cache(maxsize=1)
def _long_rules() -> tuple[Rule, ...]:
    """The rules a line over ``MAX_BARRIER_CHARS`` characters may match: not barriers, and
    allowing more words than such a line has at the least (about 50)."""
    return tuple(r for r in RULES if not r.barrier and r.max_words > 50)


def _match_long(line: str, n_words: int) -> Rule | None:
    """:func:`match` for a long line: the few rules made for long paragraphs, tried one by one
    (the combined pre-filter over the whole line would cost more than they do)."""
    low = None
    for rule in _long_rules():
        if n_words > rule.max_words:
            continue
        if rule.anchored:
            if rule.pattern.match(line):
                return rule
        else:
            if low is None:
                low = line.lower()
            if any(h in low for h in rule.hints) and rule.pattern.search(line):
                return rule
    return None


DATELINE_RULE = Rule("date_only_line", "dateline", DATE_RE, False, 20)
