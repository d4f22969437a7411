print("aarshjul: under construction")
