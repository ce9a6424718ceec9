"""Background jobs: long work (imports, exports, index rebuilds, fixity checks)
run by a worker through Django's Tasks API, with progress archivists can see."""
