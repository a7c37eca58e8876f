require "net/http"

class Client
  def insecure
    http = Net::HTTP.new("api.example.com", 443)
    http.use_ssl = true
    # ruleid: ruby-tls-verification-disabled
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE
    # ruleid: ruby-tls-verification-disabled
    HTTParty.get("https://api.example.com", verify: false)
    # ruleid: ruby-tls-verification-disabled
    RestClient::Resource.new("https://api.example.com", verify_ssl: false)
    # ruleid: ruby-tls-verification-disabled
    conn = Faraday.new("https://api.example.com", ssl: { verify: false })
  end

  def secure
    http = Net::HTTP.new("api.example.com", 443)
    # ok: ruby-tls-verification-disabled
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER
    # ok: ruby-tls-verification-disabled
    HTTParty.get("https://api.example.com")
  end
end
