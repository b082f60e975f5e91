from audit.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised by the smoke test
    main()
