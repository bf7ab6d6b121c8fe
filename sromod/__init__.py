"""sromod: offline moderation of the AG SRO and local steering rounds."""

__version__ = "0.1.0"
APP_NAME = "sromod"
ORG_NAME = "Bezirksamt Treptow-Köpenick"
