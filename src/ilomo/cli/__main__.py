import sys

from ilomo.cli import main

sys.exit(main())
