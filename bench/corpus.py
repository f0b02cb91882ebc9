"""A benchmark corpus written here, not scraped: Chinese and English news articles as text and HTML.

    articles(folder, count)      a few hundred articles of a few KB each
    book(path, megabytes)        one book-length HTML file
    scaled(folder, factors)      the same article at 1x ... 64x its size
"""

from __future__ import annotations

import random
from pathlib import Path

ZH_PHRASES = [
    "今年以来", "全县上下", "围绕高质量发展", "持续推进", "夜间经济", "消费回暖", "市场主体", "稳步增长",
    "基础设施", "公共服务", "数字化转型", "乡村振兴", "就业形势", "总体稳定", "居民收入", "不断提高",
    "营商环境", "持续优化", "文旅融合", "特色产业", "带动作用", "明显增强", "社区治理", "群众满意度",
]
EN_WORDS = ("the city council said growth in local markets held steady this quarter while officials "
            "expect new investment in transport housing and schools to support jobs across the region").split()
SITES = ["某某新闻网", "清溪日报", "Example News", "The Daily Ledger"]


def _zh_sentence(rng: random.Random) -> str:
    return "，".join(rng.choice(ZH_PHRASES) for _ in range(rng.randint(3, 6))) + "。"


def _en_sentence(rng: random.Random) -> str:
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def zh_article(rng: random.Random, sections: int = 4) -> str:
    lines = [f"{_zh_sentence(rng)[:14]}", f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 10:{rng.randint(10, 59)}  来源：{rng.choice(SITES[:2])}",
             SITES[0], "导语：" + _zh_sentence(rng) + _zh_sentence(rng)]
    for number in range(sections):
        lines.append(f"● {_zh_sentence(rng)[:10]}")
        lines.extend("\u3000\u3000" + "".join(_zh_sentence(rng) for _ in range(4)) for _ in range(3))
    lines += ["编辑：王芳", "标签：经济，民生"]
    return "\n".join(lines) + "\n"


def en_article(rng: random.Random, sections: int = 4) -> str:
    parts = [_en_sentence(rng)[:50].rstrip(" ."), "By Jane Doe", f"June {rng.randint(1, 28)}, 2024",
             "Summary: " + _en_sentence(rng)]
    for number in range(sections):
        parts.append(f"Section Number {number + 1}")
        parts.extend(" ".join(_en_sentence(rng) for _ in range(5)) for _ in range(3))
    parts.append("Tags: economy, cities")
    return "\n\n".join(parts) + "\n"


def html_page(rng: random.Random, body_sections: int = 4) -> str:
    title = _zh_sentence(rng)[:14]
    sections = "".join(
        f"<h2>{_zh_sentence(rng)[:10]}</h2>" + "".join(f"<p>{_zh_sentence(rng)}{_zh_sentence(rng)}</p>" for _ in range(3))
        for _ in range(body_sections))
    return (f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>{title}_新闻中心_某某网</title>"
            f"<meta name='author' content='李强'></head><body><nav><a href='/'>首页</a><a href='/news'>新闻</a></nav>"
            f"<article><h1>{title}</h1><p class='info'>2024-05-01 08:00 来源：某某日报</p>{sections}"
            f"<table><tr><th>年份</th><th>数值</th></tr><tr><td>2023</td><td>1.5</td></tr></table></article>"
            f"<aside><h3>相关新闻</h3><ul><li><a href='/a'>另一条新闻</a></li></ul></aside>"
            f"<footer>版权所有 © 某某网</footer></body></html>")


def articles(folder: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        kind = i % 3
        if kind == 0:
            path, text = folder / f"{i:04d}-zh.txt", zh_article(rng)
        elif kind == 1:
            path, text = folder / f"{i:04d}-en.txt", en_article(rng)
        else:
            path, text = folder / f"{i:04d}-page.html", html_page(rng)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def book(path: Path, megabytes: float, seed: int = 2) -> Path:
    rng = random.Random(seed)
    chunks, size, chapter = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A Long Book</title></head><body><h1>A Long Book</h1>"], 0, 0
    while size < megabytes * 1024 * 1024:
        chapter += 1
        text = f"<h2>Chapter {chapter}</h2>" + "".join(
            f"<p>{' '.join(_en_sentence(rng) for _ in range(6))}</p>" for _ in range(30))
        chunks.append(text)
        size += len(text)
    chunks.append("</body></html>")
    path.write_text("".join(chunks), encoding="utf-8")
    return path


def scaled(folder: Path, factors: list[int], seed: int = 3) -> list[tuple[int, Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    for factor in factors:
        rng = random.Random(seed)  # the same article, only longer
        path = folder / f"article-x{factor:02d}.txt"
        path.write_text(zh_article(rng, sections=4 * factor), encoding="utf-8")
        result.append((factor, path))
    return result
