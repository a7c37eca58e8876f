import os

import jwt
import psycopg2
import boto3

# ruleid: python-hardcoded-credentials
DB_PASSWORD = "S3cr3t!Passw0rd"
# ruleid: python-hardcoded-credentials
SECRET_KEY = "django-insecure-7f#k2@x!q9z$w1"
# ruleid: python-hardcoded-credentials
stripe_api_key = "sk_live_51HxExampleNotRealKey"


class Settings:
    # ruleid: python-hardcoded-credentials
    client_secret = "f3b2a1c9d8e7f6a5b4c3"


def connect():
    # ruleid: python-hardcoded-credentials
    return psycopg2.connect(host="db", user="app", password="hunter22")


def issue(user_id):
    # ruleid: python-hardcoded-credentials
    return jwt.encode({"sub": user_id}, "my-super-secret-signing-key", algorithm="HS256")


def s3():
    # ruleid: python-hardcoded-credentials
    return boto3.client("s3", aws_access_key_id="AKIAEXAMPLE", aws_secret_access_key="wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY")


# ok: python-hardcoded-credentials
PASSWORD = os.environ["DB_PASSWORD"]
# ok: python-hardcoded-credentials
secret_key = ""
# ok: python-hardcoded-credentials
PASSWORD_FIELD = "password"
# ok: python-hardcoded-credentials
api_key = "changeme"
# ok: python-hardcoded-credentials
API_KEY = "<your-api-key>"


def connect_env():
    # ok: python-hardcoded-credentials
    return psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])
