require "digest"
require "openssl"

class Fingerprint
  def password_hash(password)
    # ruleid: ruby-weak-hash
    Digest::MD5.hexdigest(password)
  end

  def token_digest(token)
    # ruleid: ruby-weak-hash
    Digest::SHA1.hexdigest(token)
  end

  def sign(key, data)
    # ruleid: ruby-weak-hash
    OpenSSL::HMAC.hexdigest("SHA1", key, data)
  end

  def strong(key, data)
    # ok: ruby-weak-hash
    Digest::SHA256.hexdigest(data)
    # ok: ruby-weak-hash
    OpenSSL::HMAC.hexdigest("SHA256", key, data)
  end
end
