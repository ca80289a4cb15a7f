"""Small synthetic corpus inputs shared by the corpus tests (SaudiNewsNet-like JSON lines, Windows-1256 text)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

ARTICLES = [
    {"source": "alriyadh", "url": "http://example.org/a/1", "date_extracted": "2015-07-21 02:51:33",
     "author": "الرياض - واس", "title": "وزير الخارجية السعودي يلتقي نظيره الأمريكي في الرياض",
     "content": "قال وزير الخارجية عادل الجبير إن المملكة تدعم الحل السياسي في اليمن.\n"
                "وأضاف أن الرياض استقبلت 500 ألف لاجئ يمني منذ بداية الأزمة."},
    {"source": "okaz", "url": "http://example.org/b/2", "date_extracted": "2015-07-22 10:00:00",
     "author": "عكاظ", "title": "أمير منطقة مكة يفتتح مشروعا جديدا",
     "content": "افتتح أمير منطقة مكة المكرمة الأمير خالد الفيصل مشروعا بتكلفة 3 ملايين ريال.\n"
                "وأكد أن المشروع يخدم آلاف المواطنين في جدة.", "section": "محليات"},
    {"source": "alyaum", "date_extracted": "2015-07-22 11:30:00", "author": None,
     "title": "ارتفاع أسعار النفط في الأسواق العالمية",
     "content": "ارتفعت أسعار النفط بنسبة 5 في المئة يوم الاثنين.\nوقال محللون إن الطلب على النفط يتزايد."},
]
NOT_ARABIC = {"source": "x", "url": "http://example.org/c/3", "title": "Hello", "content": "No Arabic here."}
CP1256_TEXT = ("الحكومة تعلن خطة جديدة للتعليم\n\nأعلنت الحكومة اليوم خطة جديدة لتطوير التعليم في 20 محافظة.\n"
               "وقال وزير التربية إن الخطة تشمل بناء 300 مدرسة.\n")


def write_jsonl(path: Path, rows: list, *, extra_lines: list[str] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if path.name.endswith(".gz") else data)
    return path
