require "erb"

class MailerPreviewController < ApplicationController
  def preview
    # ruleid: ruby-template-injection
    template = ERB.new("Hello #{params[:name]}")
    render plain: template.result(binding)
  end

  def inline
    body = params[:template]
    # ruleid: ruby-template-injection
    render inline: body
  end

  def safe
    # ok: ruby-template-injection
    template = ERB.new(File.read(Rails.root.join("app/views/mailer/greeting.erb")))
    # ok: ruby-template-injection
    render inline: "<p>Hello <%= name %></p>", locals: { name: params[:name] }
  end

  def collection
    sections = { header: "<h1>Shop</h1>", footer: params[:footer] }
    # ruleid: ruby-template-injection
    ERB.new(sections.values.join("\n")).result(binding)
  end

  def via_helper
    render_snippet(params[:snippet])
  end

  private

  def render_snippet(src)
    # ruleid: ruby-template-injection
    ERB.new(src).result
  end
end
