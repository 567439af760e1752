from summit_facts.cli import main

main()
