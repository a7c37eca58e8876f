class SearchController < ApplicationController
  def index
    # ruleid: ruby-regex-injection
    matcher = Regexp.new(params[:q])
    @results = Post.all.select { |p| p.title =~ matcher }
  end

  def prefixed
    pattern = "^" + params[:prefix]
    # ruleid: ruby-regex-injection
    re = Regexp.new(pattern, Regexp::IGNORECASE)
  end

  def safe
    # ok: ruby-regex-injection
    matcher = Regexp.new(Regexp.escape(params[:q]))
    # ok: ruby-regex-injection
    re = Regexp.new("^[a-z]+$")
  end

  def collection
    words = params[:words]
    # ruleid: ruby-regex-injection
    Regexp.new("(" + words.join("|") + ")")
  end

  def via_helper
    matcher_for(cookies[:filter])
  end

  private

  def matcher_for(source)
    # ruleid: ruby-regex-injection
    Regexp.new(source)
  end
end
