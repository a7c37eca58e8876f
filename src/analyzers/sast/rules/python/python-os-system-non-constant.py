import os


def run(user):
    # ruleid: python-os-system-non-constant
    os.system("ls " + user)
    # ok: python-os-system-non-constant
    os.system("ls -l")
    cmd = f"echo {user}"
    # ruleid: python-os-system-non-constant
    os.system(cmd)
