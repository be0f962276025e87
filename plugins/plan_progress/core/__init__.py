"""The domain core: no MkDocs imports here."""
