"""Allow ``python -m cislib``."""

from cislib.cli import main

if __name__ == "__main__":
    main()
