"""designlint: find wellbeing-harming design patterns in app source code.

The package follows one path per file: discover -> language -> parse -> match -> judge ->
suppress -> report (see DESIGN.md). This module only holds the version.
"""

__version__ = "0.1.0"
