"""Translation of documents: engines, formats and the pipeline that keeps place names on purpose."""
