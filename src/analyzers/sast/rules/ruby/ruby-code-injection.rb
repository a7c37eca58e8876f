class ReportsController < ApplicationController
  ALLOWED = { "daily" => DailyReport, "weekly" => WeeklyReport }.freeze

  def calc
    # ruleid: ruby-code-injection
    result = eval("1 + #{params[:expr]}")
    render plain: result
  end

  def dispatch_action
    action = params[:action_name]
    # ruleid: ruby-code-injection
    report.public_send(action)
  end

  def build
    # ruleid: ruby-code-injection
    klass = params[:type].constantize
    klass.new
  end

  def load_class
    name = "Reports::" + params[:kind].camelize
    # ruleid: ruby-code-injection
    Object.const_get(name).new
  end

  def safe
    # ok: ruby-code-injection
    klass = ALLOWED.fetch(params[:type])
    # ok: ruby-code-injection
    report.public_send(:summary, params[:date])
    # ok: ruby-code-injection
    "Reports::Daily".constantize
  end
end
