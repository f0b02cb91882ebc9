"""The release number, in one place: the package, the CLI and the batch stamps read it here."""

VERSION = "0.1.0"
