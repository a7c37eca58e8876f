class PagesController < ApplicationController
  include ActionView::Helpers::SanitizeHelper

  def greet
    # ruleid: ruby-xss
    render html: "<h1>Hello #{params[:name]}</h1>".html_safe
  end

  def bio
    text = params[:bio]
    # ruleid: ruby-xss
    @bio = text.html_safe
  end

  def banner
    # ruleid: ruby-xss
    render html: banner_html(cookies[:promo]).html_safe
  end

  def list
    items = params[:items].map { |i| "<li>#{i}</li>" }
    # ruleid: ruby-xss
    @list = items.join.html_safe
  end

  def safe
    # ok: ruby-xss
    render html: "<h1>Hello #{ERB::Util.html_escape(params[:name])}</h1>".html_safe
    # ok: ruby-xss
    @bio = sanitize(params[:bio], tags: %w[b i])
    # ok: ruby-xss
    render plain: params[:name]
    # render html: escapes a string that is not marked safe
    # ok: ruby-xss
    render html: "<p>#{params[:name]}</p>"
    # ok: ruby-xss
    @title = "<b>Welcome</b>".html_safe
  end

  private

  def banner_html(promo)
    "<div class='promo'>#{promo}</div>"
  end
end
