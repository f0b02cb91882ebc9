"""Detectors for the page chrome a scraped text holds around its article.

A web page saved as text keeps everything the page showed: menus, crumbs,
login boxes, share rows, comment threads, teaser lists, footers. Each
detector here recognises one *shape* of such a line, so it works on sites it
has never seen:

    separator row   short items joined by `|` `>` `»` `•` `/`  (menus, crumbs, footer links)
    spaced menu     four or more short Chinese words split by spaces (`首页 新闻 财经 体育`)
    bullet link     a short `• …` / `· …` item without sentence punctuation
    control         a line that is only an interface word (`Tweet`, `登录`, `更多>>`, `回复`)
    end marker      a line that closes the article: a related/comments/most-read
                    heading, a comment counter, a newsletter box, prev/next links

What to *do* with a line is not decided here: `_text_zones` scores lines by
these shapes, and only lines outside the article's main run are dropped.
A chrome-shaped line inside the article is kept.
"""

from __future__ import annotations

import functools
import re

from convert.lang import has_cjk
from convert.readers import _text_boilerplate as boilerplate
from convert.readers._text_rules import display_width, ends_sentence

_MARKUP = re.compile(r"[=(){}<]")
_SENTENCE_MARK = re.compile(r"[。！？!?]|[.,;]\s")
_CRUMB_ARROW = re.compile(r"[>＞»›]|&gt;")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{1,6}")
_NUMBER_WORD = re.compile(r"[\d,.]+")
_LATIN_WORD = re.compile(r"[A-Za-z][\w+-]{0,9}")
_BULLET = re.compile(r"^[•·▪►»>*]\s*\S")
_ITEM_SEPARATORS = re.compile(r"\s*(?:[|｜»›>＞/／•·]|&gt;)\s*")
SEPARATOR_ITEM_MAX_WIDTH = 30  # a menu item or crumb: 15 Chinese characters or a few words


def is_separator_row(line: str) -> bool:
    """`首页 | 新闻 | 财经`, `首页 > 产经资讯 > 正文`, `Privacy Policy | Terms | Contact`:
    three or more short items (or two around a `>` crumb arrow) and no sentence inside."""
    if _MARKUP.search(line):  # markup or code, not a menu
        return False
    items = [item for item in _ITEM_SEPARATORS.split(line) if item]
    if len(items) < 2 or any(display_width(item) > SEPARATOR_ITEM_MAX_WIDTH for item in items):
        return False
    if _SENTENCE_MARK.search(line):
        return False
    crumb = bool(_CRUMB_ARROW.search(line))
    return len(items) >= 3 or crumb


def is_spaced_menu(line: str) -> bool:
    """`首页 新闻 国内 国际 财经`, `缩小字体 放大字体 收藏 微博 分享 20,536`: four or more words of
    1–6 Chinese characters (or counters) split by spaces, at least three of them words."""
    words = line.split()
    if len(words) < 4:
        return False
    han = sum(1 for word in words if _HAN_WORD.fullmatch(word))
    numbers = sum(1 for word in words if _NUMBER_WORD.fullmatch(word))
    latin = sum(1 for word in words if _LATIN_WORD.fullmatch(word))
    # `首页 iPhone iPad Apple Watch Mac 实用技巧 应用游戏`: eight or more such words, Latin ones among them
    mixed = len(words) >= 8 and han >= 2 and han + numbers + latin == len(words)
    return len(words) >= 4 and han >= 3 and han + numbers == len(words) or mixed


def is_bullet_link(line: str) -> bool:
    """`• 某地推出新政` — a short bulleted item that is not a sentence (link lists, teaser titles)."""
    return bool(_BULLET.match(line)) and display_width(line) <= 80 and not ends_sentence(line)


# Interface words that make up a whole line: buttons, tabs, counters. Kept to words
# that name an action on the page, which no article sentence consists of alone.
_CONTROL = re.compile(
    r"^(?:[【\[(（]?\s*(?:"
    r"tweet|email|e-mail|share|print|comment|comments|reply|like|follow|subscribe|sign\s+in|sign\s+up|log\s*in|"
    r"log\s*out|register|menu|search|close|more|see\s+(?:more|all)|view\s+(?:more|all)|load\s+more|show\s+more|"
    r"read\s+more|advertisement|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content|skip\s+to\s+navigation|"
    r"share\s+(?:on|via|to)\s+\w+(?:\s+\w+)?|share\s+this(?:\s+\w+)?|prev(?:ious)?|next|permalink|go\s+to\s+permalink|"
    r"edit|delete|hide|invite|promote|block|all\s+share\s+services|link\s+copied!?|ad\s+feedback|enlarge|photo|video|listen|save|gift\s+this\s+article|"
    r"登录|登陆|注册|退出|搜索|首页|返回|评论|回复|举报|分享|收藏|点赞|关注|订阅|更多|查看更多|加载更多|"
    r"用\s*户(?:\s*名)?|密\s*码|验证码|忘记密码|记住我|发表评论|我要评论|网友评论|进入论坛|广告|"
    r"字号|大|中|小|打印|关闭|纠错|扫一扫|手机看|手机版"
    r")\s*[】\]）)]?\s*(?:[:：>»]+|[(（]\s*\d+\s*[)）])?\s*)+$",
    re.IGNORECASE,
)


def is_control(line: str) -> bool:
    """A line that is only interface words: `Tweet`, `Share on Facebook`, `登录 注册`, `更多>>`, `支持(3)`."""
    return display_width(line) <= 40 and (bool(_CONTROL.match(line)) or _is_counter(line))


_COUNTER = re.compile(
    r"(?:[\u4e00-\u9fff]{1,4}\s*[(（:：]?\s*[\d.]+\s*万?\s*[)）]?|\d+\s*(?:comments?|replies|shares|likes|views|min(?:ute)?s?\s+read))",
    re.IGNORECASE)


def _is_counter(line: str) -> bool:
    """`支持(3)`, `反对(0)`, `阅读 1234`, `12 Comments`, `3 min read`: a label and a number."""
    return bool(_COUNTER.fullmatch(line))


_COMMENTS_HEADING = re.compile(
    r"^[【\[]?\s*(?:"
    r"(?:\d+\s+)?(?:reader\s+)?comments?(?:\s*\(?\d+\)?)?|leave\s+a\s+(?:comment|reply)|join\s+the\s+(?:discussion|conversation)"
    r"|网友评论|发表评论|我要评论|评论区|最新评论|热门评论|精彩评论|全部评论|用户评论|读者评论"
    r")\s*[】\]]?\s*[:：>»]*$",
    re.IGNORECASE,
)
_END_HEADING = re.compile(
    r"^[【\[]?\s*(?:"
    r"most\s+(?:popular|read|viewed|shared|emailed)|trending(?:\s+now)?|popular\s+(?:now|stories)|top\s+stories"
    r"|(?:sign\s+up|subscribe)\b.{0,60}\bnewsletters?\b.*|newsletters?"
    r"|热门排行|热点排行|排行榜|点击排行|阅读排行|热门文章|热门新闻|最新文章|最新新闻|今日推荐|编辑推荐"
    r")\s*[】\]]?\s*[:：>»]*$",
    re.IGNORECASE,
)
_COMMENT_COUNTER = re.compile(
    r"^(?:(?:read|view|see|show|load)\s+(?:all\s+)?)?\d[\d,]*\s+(?:reader\s+)?comments?\b|^sign\s+(?:up|in)\s+or\s+log\s*in\s+to\b|^(?:log\s*in|sign\s+in)\s+to\s+comment"
    r"|^(?:共|已有)\s*\d+\s*(?:条|人)(?:评论|参与)|^\d+\s*条评论",
    re.IGNORECASE,
)


def is_end_marker(line: str) -> bool:
    """A line that closes the article on any page: a related-links, comments or
    most-read heading, a comment counter, a newsletter box, previous/next links,
    a share or print bar, a copyright line, or the editor field."""
    if display_width(line) > 120:
        return False
    if _END_HEADING.match(line) or closes_article(line):
        return True
    kind = trailer_kind(line)
    return kind in ("related", "navigation", "share", "print", "copyright") and not boilerplate.is_related_item(line)


def closes_article(line: str) -> bool:
    """An end marker after which the article never goes on: comments, copyright, previous/next
    links. The others (a related or most-read box, a share or close bar) also stand inside
    articles, as inline widgets."""
    if display_width(line) > 120:
        return False
    return (bool(_COMMENTS_HEADING.match(line) or _COMMENT_COUNTER.match(line))
            or trailer_kind(line) in ("copyright", "navigation"))


CJK_NOTICE_MAX_WIDTH = 100  # 50 characters: a copyright or contact notice, not a paragraph that mentions one


@functools.lru_cache(maxsize=1024)  # each line is asked about by several detectors in turn
def trailer_kind(line: str) -> str | None:
    """`_text_boilerplate.trailer_kind`, for lines anywhere in the file: a Chinese line as long as a
    paragraph (`…被告未经许可在社交平台使用该图片…`) is never a notice."""
    if has_cjk(line) and display_width(line) > CJK_NOTICE_MAX_WIDTH or _PHOTO_COPYRIGHT.match(line):
        return None
    return boilerplate.trailer_kind(line)


# `© Noelia Páez/Instagram`, `© Reuters`: a picture's credit inside the article, not the page's copyright
_PHOTO_COPYRIGHT = re.compile(r"^©\s*(?!.*(?:19|20)\d{2})(?!.*rights)[^\d]{2,40}$", re.IGNORECASE)


_BRACKETED_ITEM = re.compile(r"[【\[]\s*[^【】\[\]]{1,8}\s*[】\]]")
_BUTTON_ROW_REST = re.compile(r"[【\[]\s*[^【】\[\]]{1,8}\s*[】\]]|[\u4e00-\u9fff]{1,4}\s*[:：]|\s")


def is_button_row(line: str) -> bool:
    """`【发表评论】【打印】【关闭窗口】`, `字体：【大】【中】【小】 分享：`: two or more short bracketed items."""
    items = _BRACKETED_ITEM.findall(line)
    rest = _BUTTON_ROW_REST.sub("", line)
    return len(items) >= 2 and not rest


_CREDIT = re.compile(
    r"^(?:(?:photo(?:graph)?s?|illustrations?|images?|graphics?|video|credit|source|pictures?)\s*(?::|by\b)"
    r"|(?:图片来源|图片|图源|摄影|摄|供图|视觉中国|题图)\s*[:：/]|(?:listen\s+to\s+this\s+article))",
    re.IGNORECASE)


def is_credit(line: str) -> bool:
    """`Photo: Jane Roe / Agency`, `Illustration by Kenji Ota`, `图片来源：视觉中国`: a credit, not article text."""
    return display_width(line) <= 120 and (bool(_CREDIT.match(line)) or bool(_PHOTO_COPYRIGHT.match(line))) \
        and not ends_sentence(line.rstrip(")）"))


_EMPTY_FIELD = re.compile(r"^(?:标签|关键词|关键字|责任编辑|编辑|来源|作者|tags?|topics|keywords|source|editor)\s*[:：]?$",
                          re.IGNORECASE)


def is_empty_field(line: str) -> bool:
    """`标签:`, `Tags:` with nothing after them (the page's field was empty)."""
    return bool(_EMPTY_FIELD.match(line))


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}")


def is_contact(line: str) -> bool:
    """`Email jane@example.com // Twitter @jane`: addresses and handles, not a sentence."""
    return display_width(line) <= 120 and bool(_ADDRESS.search(line)) and not ends_sentence(line)


def is_chrome(line: str) -> bool:
    """Any page-chrome shape above (the end markers included)."""
    return (is_separator_row(line) or is_control(line) or is_bullet_link(line) or is_end_marker(line)
            or is_button_row(line) or is_credit(line) or is_empty_field(line)
            or is_spaced_menu(line) or trailer_kind(line) is not None or is_contact(line)
            or (not has_cjk(line) and bool(_SEPARATOR_LINE.fullmatch(line))))


_SEPARATOR_LINE = re.compile(r"[-–—_=*•·.\s]+")
