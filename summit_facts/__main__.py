from summit_facts.cli.app import main

main()
