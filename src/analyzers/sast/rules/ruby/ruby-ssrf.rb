require "net/http"
require "open-uri"

class ProxyController < ApplicationController
  def fetch
    uri = URI.parse(params[:url])
    # ruleid: ruby-ssrf
    body = Net::HTTP.get(uri)
    render plain: body
  end

  def preview
    # ruleid: ruby-ssrf
    html = URI.open(params[:link]).read
    render plain: html
  end

  def webhook
    target = "http://#{request.headers['X-Backend']}/notify"
    # ruleid: ruby-ssrf
    HTTParty.post(target, body: { ok: true })
  end

  def via_helper
    ping_host(params[:host])
  end

  def safe
    # ok: ruby-ssrf
    Net::HTTP.get(URI("https://api.example.com/users/#{ERB::Util.url_encode(params[:id])}"))
    # ok: ruby-ssrf
    HTTParty.get("https://api.example.com/health")
  end

  def allow_listed
    feeds = { "news" => "https://news.example.com/rss", "blog" => "https://blog.example.com/rss" }
    # ok: ruby-ssrf
    Net::HTTP.get(URI(feeds.fetch(params[:feed], feeds["news"])))
  end

  private

  def ping_host(host)
    # ruleid: ruby-ssrf
    Net::HTTP.new(host, 443).head("/")
  end
end
