from sanphalang.cli import main

main()
