"""Prints a Rasa intent_report.json as macro-F1 plus a Markdown per-intent table."""

import json
import sys
from pathlib import Path

report = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
macro = report["macro avg"]
print(
    f"macro-F1 {macro['f1-score']:.3f} (precision {macro['precision']:.3f}, "
    f"recall {macro['recall']:.3f}); accuracy {report.get('accuracy', 0):.3f}\n"
)
print("| intent | precision | recall | F1 | examples |")
print("|---|---:|---:|---:|---:|")
for name, row in sorted(report.items()):
    if not isinstance(row, dict) or name in {"macro avg", "weighted avg", "micro avg"}:
        continue
    print(
        f"| {name} | {row['precision']:.3f} | {row['recall']:.3f} | "
        f"{row['f1-score']:.3f} | {row['support']} |"
    )
