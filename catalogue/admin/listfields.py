"""Lists an archivist edits (other titles, name variants, languages): one value
per line in a text box, stored as the JSON list the model keeps.

Typing JSON by hand (`["Moscow Declaration"]`) was error-prone and its errors
("Enter a valid JSON") said nothing useful; a line per value is what a
cataloguer would write on a card.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

# The JSON list fields edited this way wherever a model has them; lists of
# structured values (an article's sections and key points, which carry their
# spans in the source text) stay JSON and are written by the ingest.
LINE_LIST_FIELDS = ("other_titles", "variants", "languages")

# ISO 639-1/2/3 codes, optionally with BCP 47 subtags (ja, ru, jpn, zh-Hant, en-GB).
LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class LineListField(forms.CharField):
    """A list of strings edited as lines: blank lines and surrounding spaces are
    dropped, a repeated line is kept once, and the order is kept."""

    widget = forms.Textarea

    def __init__(self, *, max_line_length=500, line_validator=None, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        self.max_line_length = max_line_length
        self.line_validator = line_validator
        super().__init__(strip=False, **kwargs)
        self.widget.attrs.setdefault("rows", 3)
        self.widget.attrs.setdefault("class", "vLargeTextField catalogue-line-list")

    def prepare_value(self, value):
        # The stored list (or a list restored from the history) shown as lines;
        # text typed into a refused form comes back as it was typed.
        if isinstance(value, list | tuple):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        lines = []
        for line in str(value or "").splitlines():
            line = line.strip()
            if line and line not in lines:
                lines.append(line)
        return lines

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        errors = []
        for number, line in enumerate(value, start=1):
            if len(line) > self.max_line_length:
                errors.append(
                    ValidationError(
                        "Line %(number)s is %(length)s characters long; a value may have at "
                        "most %(limit)s.",
                        params={
                            "number": number,
                            "length": len(line),
                            "limit": self.max_line_length,
                        },
                        code="line_too_long",
                    )
                )
            elif self.line_validator is not None:
                try:
                    self.line_validator(line)
                except ValidationError as error:
                    errors.append(
                        ValidationError(
                            "Line %(number)s: %(message)s",
                            params={"number": number, "message": " ".join(error.messages)},
                            code=error.code,
                        )
                    )
        if errors:
            raise ValidationError(errors)

    def run_validators(self, value):
        # The model field's validators expect the whole list; each line was checked above.
        return

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return self.to_python(initial or []) != self.to_python(data)


def validate_language_code(value):
    if not LANGUAGE_CODE_RE.match(value):
        raise ValidationError(
            "\u201c%(value)s\u201d is not a language code: write ISO 639 codes such as ja, ru "
            "or jpn, one per line.",
            params={"value": value},
            code="invalid_language",
        )


def line_list_formfield(db_field, **kwargs):
    """The form field for one of LINE_LIST_FIELDS, labelled and helped like the model field."""
    if db_field.name == "languages":
        # The model's help text shows a JSON list; here they are lines.
        help_text = "Language codes (ISO 639), one per line, e.g. ja and ru on two lines."
    else:
        help_text = f"{db_field.help_text or ''} One per line.".strip()
    kwargs.update(
        required=not db_field.blank,
        label=kwargs.get("label") or db_field.verbose_name.capitalize(),
        help_text=help_text,
        line_validator=validate_language_code if db_field.name == "languages" else None,
    )
    kwargs.pop("widget", None)
    kwargs.pop("form_class", None)
    return LineListField(**kwargs)
