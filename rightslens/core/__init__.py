"""The pure-Python core: rules, scoring, screening, knowledge loading. No Django here."""
