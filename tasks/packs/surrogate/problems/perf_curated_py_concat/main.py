import sys

class Log:
    def __init__(self):
        self.text = ""

def pieces(n, x=12345):
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2**31
        yield "abcdefghijklmnopqrstuvwxyz"[x % 26]

def local_version(n):
    text = ""
    for p in pieces(n):
        text += p
    return text

def attribute_version(n):
    log = Log()
    for p in pieces(n):
        log.text += p
    return log.text

n = 80000
text = local_version(n) if sys.argv[1] == "local" else attribute_version(n)
print(len(text), text.count("e"))
