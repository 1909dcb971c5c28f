"""What each ``argmap`` command does, as one library function a command.

Each function takes the paths and options a user gives, reads them as one workspace (the
maps given, the maps they use, their bibliographies; each file once), and returns a
:class:`Result`: text for standard output, files to write, the issues found. Nothing is
printed and nothing is written: the command line prints the result and writes its files
with :func:`write_outputs`, which never writes over a file the command read.
"""

from argmap.commands._result import Output, Result, write_outputs

__all__ = ["Output", "Result", "write_outputs"]
