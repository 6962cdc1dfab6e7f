"""newslint's language server (``newslint lsp``): diagnostics, quick fixes and hover in any
editor that speaks the Language Server Protocol. Needs the ``lsp`` extra (pygls, lsprotocol).

Modules: ``server`` (the LSP wiring), ``documents`` (open documents and positions), ``linting``
(a lint of one version of a document, off the event loop), ``diagnostics``, ``actions``,
``hover``, ``project`` (the Linter and reloads) and ``project_files`` (the config, vocabulary
and baseline edits that code actions make).
"""
