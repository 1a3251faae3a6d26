from .template import TemplateError, TemplateIssue, render_prompt

__all__ = ["TemplateError", "TemplateIssue", "render_prompt"]
