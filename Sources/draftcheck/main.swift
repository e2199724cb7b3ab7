print("draftcheck")
