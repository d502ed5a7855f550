"""python -m extract"""

from extract.cli import app

app(prog_name="extract")
