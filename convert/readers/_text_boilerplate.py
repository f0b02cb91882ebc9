"""Detectors for the trailer news sites append to an article.

Each says whether one line is a known kind of site furniture: a related-links
heading (`相关阅读`, `Related articles`, `MORE >>`), a navigation link
(`上一篇：…`, `Next: …`), a share bar (`分享到：微信 微博`, `Share this article`),
print/close links (`【打印本页】【关闭窗口】`), a copyright or licence line
(`版权所有`, `©`, `京ICP备…号`), or a chat-group / phone line (`扫码加群`,
`客服电话：400-…`).

They are asked about lines anywhere in the file (`_text_chrome` uses them to
spot page chrome and the end of an article), but what a line is decides only
its score: a body sentence mentioning "copyright" or "微信群" inside the
article's run is never dropped. Every pattern is anchored or guarded by
length: when in doubt a line is not boilerplate.
"""

from __future__ import annotations

import re

from convert.readers._text_rules import display_width, ends_sentence

TRAILER_LINE_MAX_WIDTH = 200

_RELATED_HEADING = re.compile(
    r"^[【\[]?\s*(?:相关阅读|相关新闻|相关信息|相关链接|相关文章|相关报道|相关推荐|延伸阅读|推荐阅读|热门推荐|热点推荐"
    r"|相關閱讀|相關新聞|相關報導|相關文章|延伸閱讀|推薦閱讀"
    r"|猜你喜欢|精彩推荐|更多精彩|往期回顾"
    r"|related(?:\s+(?:articles|stories|coverage|reading|links|news|posts|content))?"
    r"|read\s+(?:more|next|also)|see\s+also|recommended(?:\s+(?:for\s+you|reading|stories))?"
    r"|you\s+(?:may|might)\s+also\s+like|more(?:\s+(?:on\s+this(?:\s+story)?|stories|news|(?:from|in|on|about)(?:\s+[\w&’'-]+){1,4}))?|更多)"
    r"\s*[】\]]?\s*[:：>》»]*$",
    re.IGNORECASE,
)
_RELATED_ITEM = re.compile(
    r"^(?:related|相关阅读|相关新闻|相关链接|延伸阅读|推荐阅读|read\s+more|see\s+also)\s*[:：]\s*\S", re.IGNORECASE)
_NAVIGATION = re.compile(
    r"^[【\[«‹<←]?\s*(?:上一篇|下一篇|上一条|下一条|上一页|下一页)\s*(?:[】\]]\s*\S|[】\]]?\s*(?:[:：]|$))"
    r"|^[«‹<←]?\s*(?:previous|prev|next|older|newer)(?:\s+(?:article|story|post|page|entry))?"
    r"\s*(?:[:：»›>→]|$)",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:分享到|分享至|转发到)|^分享\s*(?:[:：]|$)"
    r"|^share(?:\s+(?:this|the)\s+(?:article|story|post|page))?(?:\s+(?:on|via))?\s*(?:[:：]|$)",
    re.IGNORECASE,
)
_SHARE_NETWORKS = {"facebook", "twitter", "x", "linkedin", "email", "e-mail", "whatsapp", "reddit", "pinterest",
                   "tumblr", "messenger", "flipboard", "google+", "kakaotalk", "telegram", "微信", "微博", "新浪微博",
                   "qq", "qq空间", "朋友圈", "豆瓣", "复制链接", "copy link", "易信", "腾讯微博"}
_PRINT_TOKEN = (r"(?:打印本页|打印此页|打印本文|打印|关闭窗口|关闭本页|关闭|列印|關閉視窗|關閉|收藏本页|收藏|返回顶部|返回列表|返回首页|返回"
                r"|字体\s*[:：]?\s*(?:大\s*中\s*小)?|大\s*中\s*小|纠错|推荐给朋友|发送给朋友"
                r"|print(?:\s+this\s+(?:page|article|story))?|close(?:\s+window)?|back\s+to\s+top|top)")
_PRINT_LINE = re.compile(rf"^(?:[【\[（(]?\s*{_PRINT_TOKEN}\s*[】\]）)]?[\s|｜/]*)+$", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*(?:©|\(c\)|(?:19|20)\d{2}|by\b|[:：])|©|\(c\)\s*\d{4})|©\s*(?:19|20)\d{2}"
    r"|版权所有|版權所有|版权归.{1,12}所有|all rights reserved"
    r"|ICP\s*备|ICP\s*证|ICP备案|公网安备|增值电信业务经营许可证|互联网新闻信息服务许可证"
    r"|未经.{0,8}(?:授权|许可|同意).{0,10}(?:转载|使用|复制|摘编)|转载请注明|^本文(?:转自|版权)|^版权声明"
    r"|^(?:licen[cs]ed|published)\s+under\s+(?:a\s+|the\s+)?(?:creative\s+commons|CC[\s-]BY)",
    re.IGNORECASE,
)
_CHAT = re.compile(
    r"^[【\[]?\s*(?:欢迎)?(?:扫码|扫描|长按|识别|添加|加入|关注|进入)"
    r".{0,16}(?:群|二维码|公众号|微信号|小程序|客户端|视频号)"
    r"|^[【\[]?\s*(?:读者|粉丝|交流|官方)?(?:微信群|QQ群|读者群|粉丝群|交流群|微信公众号|公众号)\s*[:：]?"
    r"|^(?:join\s+(?:our|the)\s+\w+(?:\s+\w+)?\s+(?:group|channel|community)|follow\s+us\b|subscribe\s+to\s+our\b)",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"^[【\[]?\s*(?:客服|联系|咨询|服务|举报|投诉|新闻|报料|爆料|广告|合作|值班)?(?:电话|热线|专线|邮箱|微信|QQ)"
    r"\s*[:：]\s*[\d+()（）\-\s/、,，]{6,}"
    r"|^(?:tel|phone|telephone|hotline|call\s+us|contact\s+us)\s*[:：]?\s*[+\d(][\d+()\-\s./]{5,}$",
    re.IGNORECASE,
)

KINDS = ("navigation", "related", "share", "print", "copyright", "contact")


_SHARE_SPLIT = re.compile(r"[\s|｜/·•,，、]+")


def is_related_heading(line: str) -> bool:
    """The line that opens a related-links block: `相关阅读`, `【相关新闻】`, `MORE >>`, `Related articles`."""
    return bool(_RELATED_HEADING.match(line))


def is_related_item(line: str) -> bool:
    """`相关阅读：某地推出新政`, `Related: …`: one related link inline, which may stand inside an article."""
    return bool(_RELATED_ITEM.match(line))


def is_share_bar(line: str) -> bool:
    """`分享到：微信 微博 QQ空间`, `Share this article`, or a line of only network names."""
    if _SHARE.match(line):
        return display_width(line) <= 80
    tokens = [t for t in _SHARE_SPLIT.split(line.lower()) if t]
    return bool(tokens) and all(token in _SHARE_NETWORKS for token in tokens)


def trailer_kind(line: str) -> str | None:
    """Which kind of site furniture this one line is (see KINDS), or None for anything else.

    A related-links *heading* counts as "related"; the link titles under it
    are only known as such from their place, which `text.read_tail` judges.
    """
    if not line or display_width(line) > TRAILER_LINE_MAX_WIDTH:
        return None
    if _COPYRIGHT.search(line):
        return "copyright"
    if is_related_heading(line) or _RELATED_ITEM.match(line):
        return "related"
    if _NAVIGATION.match(line):
        return "navigation"
    if _PRINT_LINE.match(line):
        return "print"
    if is_share_bar(line):
        return "share"
    short_notice = display_width(line) <= 80 and not (ends_sentence(line) and display_width(line) > 50)
    if short_notice and (_CHAT.match(line) or _PHONE.match(line)):
        return "contact"
    return None
