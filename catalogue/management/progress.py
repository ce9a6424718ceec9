"""The progress bar long commands print: redrawn in place on a terminal, a
line per tenth in a log (cron mail stays short)."""

BAR_WIDTH = 30


def progress_bar(command, *, label_width=13, verbosity=1):
    """A `progress(stage, done, total)` callable writing to `command.stdout`."""
    interactive = getattr(command.stdout._out, "isatty", lambda: False)()
    last_shown = {}

    def progress(stage, done, total):
        if verbosity < 1:
            return
        total = total or 0
        share = done / total if total else 1.0
        tenth = int(share * 10)
        if not interactive and last_shown.get(stage) == tenth and done < total:
            return
        last_shown[stage] = tenth
        filled = int(share * BAR_WIDTH)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"{stage:<{label_width}} [{bar}] {done:>7,}/{total:,}"
        if interactive:
            command.stdout.write("\r" + line, ending="\n" if done >= total else "")
        else:
            command.stdout.write(line)

    return progress
