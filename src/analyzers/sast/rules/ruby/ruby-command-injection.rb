require "open3"
require "shellwords"

class ToolsController < ApplicationController
  def ping
    # ruleid: ruby-command-injection
    system("ping -c 1 #{params[:host]}")
  end

  def lookup
    domain = params[:domain]
    # todoruleid: ruby-command-injection
    output = `nslookup #{domain}`
    render plain: output
  end

  def convert
    cmd = "convert " + params[:file] + " out.png"
    # ruleid: ruby-command-injection
    stdout, status = Open3.capture2(cmd)
  end

  def archive
    run_tar(params[:dir])
  end

  def piped
    args = ["ls", "-la"]
    args << params[:path]
    # ruleid: ruby-command-injection
    IO.popen(args.join(" ")).read
  end

  def safe
    # ok: ruby-command-injection
    system("ping", "-c", "1", params[:host])
    # ok: ruby-command-injection
    Open3.capture2("git", "log", "--", params[:ref])
    # ok: ruby-command-injection
    system("nslookup #{Shellwords.escape(params[:domain])}")
    # ok: ruby-command-injection
    system("seq #{params[:n].to_i}")
    # ok: ruby-command-injection
    system("uptime")
  end

  private

  def run_tar(dir)
    # ruleid: ruby-command-injection
    system("tar czf /tmp/out.tgz #{dir}")
  end
end
