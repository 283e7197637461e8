"""`python -m designlint` entry point."""

from designlint.cli import main

if __name__ == "__main__":
    main()
