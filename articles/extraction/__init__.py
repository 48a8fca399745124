"""Statement extraction: article text in, statements (who said what) out. No Django in here."""

from .engine import extract, predict_document
from .types import ArticleMeta, Statement

__all__ = ["extract", "predict_document", "ArticleMeta", "Statement"]
