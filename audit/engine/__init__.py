"""Where the per-document work runs: this process and a local process pool (``local``, the default),
or a Ray cluster (``ray``). Both engines feed the same pipeline and give the same results."""
