-- Drives papernotes through Neovim's built-in LSP client (0.7+), started by scripts/papernotes, headless:
--   PAPERNOTES_JAR=... PAPERNOTES_CORPUS=... PAPERNOTES_INDEX=... PAPERNOTES_NOTE=... \
--   PAPERNOTES_RESULT=out.json nvim --headless -u NONE -c 'luafile check.lua'
-- Opens the note, finds the first "[[Prepacking]]" and the first bare "Prepacking" in prose,
-- asks for hover and definition there, and writes what came back to PAPERNOTES_RESULT. Then, in
-- plans.md beside the note, renames [[long-context]] and creates the note [[Prefill tricks]] asks for.
local result = { ok = false }
local edit_the_graph -- below run(): a rename and a code action in plans.md

local function env(name)
  local v = os.getenv(name)
  if v == nil or v == "" then error("missing environment variable " .. name) end
  return v
end

local function request(buf, method, params, seconds)
  -- Poll: the index may still be building when the client is ready.
  local deadline = vim.loop.now() + seconds * 1000
  local last
  while vim.loop.now() < deadline do
    local answers = vim.lsp.buf_request_sync(buf, method, params, 10000)
    if answers then
      for _, a in pairs(answers) do
        if a.error then last = a.error elseif a.result and not vim.tbl_isempty(a.result) then return a.result end
      end
    end
    vim.wait(300)
  end
  return nil, last
end

local function find(buf, needle, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = string.find(line, needle, 1, true)
    if s then return { line = i - 1, character = s - 1 + offset } end
  end
  error("not in the note: " .. needle)
end

-- scripts/papernotes of this checkout, found from this file's own path.
local function start_script()
  local here = debug.getinfo(1, "S").source:sub(2)
  return vim.fn.fnamemodify(here, ":p:h:h:h") .. "/scripts/papernotes"
end

local function run()
  local note = env("PAPERNOTES_NOTE")
  vim.cmd("edit " .. vim.fn.fnameescape(note))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "papernotes",
    -- As the README starts it: the start script (its JVM flags; PAPERNOTES_JAR picks the jar).
    cmd = { start_script() },
    root_dir = vim.fn.fnamemodify(note, ":h"),
    init_options = { corpus = { env("PAPERNOTES_CORPUS") }, indexDir = env("PAPERNOTES_INDEX") },
  })
  if not id then error("could not start the server") end
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)
  if not vim.wait(30000, function() return client.initialized end, 100) then error("not initialized") end
  result.server = client.server_capabilities and "capabilities" or "?"

  local uri = vim.uri_from_bufnr(buf)
  local link = find(buf, "[[Prepacking]]", 4)
  local hover, herr = request(buf, "textDocument/hover", { textDocument = { uri = uri }, position = link }, 60)
  if not hover then error("no hover: " .. vim.inspect(herr)) end
  local contents = hover.contents
  result.hover = type(contents) == "table" and (contents.value or vim.inspect(contents)) or tostring(contents)

  local bare = find(buf, "Does Prepacking", 7)
  local defs, derr = request(buf, "textDocument/definition", { textDocument = { uri = uri }, position = bare }, 30)
  if not defs then error("no definition: " .. vim.inspect(derr)) end
  local first = defs[1] or defs
  result.definition = {
    uri = first.targetUri or first.uri,
    line = (first.targetSelectionRange or first.range).start.line,
  }
  -- Open the target as a user would (gd), and read the line the cursor lands on.
  vim.lsp.util.jump_to_location(first, "utf-16")
  result.landed = vim.api.nvim_get_current_line()
  edit_the_graph(client, vim.fn.fnamemodify(note, ":h"))
  result.ok = true
end

local function wait_until(what, seconds, predicate)
  if not vim.wait(seconds * 1000, predicate, 100) then error("timed out waiting for " .. what) end
end

local function buffer_text(path)
  local b = vim.fn.bufnr(path)
  if b < 0 then return nil end
  return table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), "\n")
end

-- Edits the note graph as a user does, through Neovim's own commands and handlers: rename on a
-- [[link]] (vim.lsp.buf.rename: prepareRename, rename, then Neovim renames the file and edits the
-- buffers), and the "Create note" quick fix on an unresolved [[link]] (vim.lsp.buf.code_action,
-- the action picked in vim.ui.select as a user would). Writes every buffer at the end, so the Java
-- side can read the files.
function edit_the_graph(client, folder)
  vim.cmd("edit " .. vim.fn.fnameescape(folder .. "/plans.md"))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client.id)

  local link = find(buf, "[[long-context]]", 4)
  vim.api.nvim_win_set_cursor(0, { link.line + 1, link.character })
  vim.lsp.buf.rename("prefill-inference")
  local renamed = folder .. "/prefill-inference.md"
  wait_until("the rename to be applied", 30, function()
    local t = buffer_text(folder .. "/plans.md")
    return vim.loop.fs_stat(renamed) ~= nil and t ~= nil and t:find("[[prefill-inference]]", 1, true) ~= nil
  end)
  result.rename = {
    old_exists = vim.loop.fs_stat(folder .. "/long-context.md") ~= nil,
    new_exists = vim.loop.fs_stat(renamed) ~= nil,
    plans = buffer_text(folder .. "/plans.md"),
  }

  local offered = {}
  local chosen
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(offered, title)
      if not chosen and title:find("^Create note") then chosen = item end
    end
    on_choice(chosen)
  end
  local dangling = find(buf, "[[Prefill tricks]]", 4)
  vim.api.nvim_win_set_cursor(0, { dangling.line + 1, dangling.character })
  vim.lsp.buf.code_action()
  local created = folder .. "/Prefill tricks.md"
  wait_until("the code action's new note", 30, function()
    local t = buffer_text(created)
    return chosen ~= nil and t ~= nil and t:find("Prefill tricks", 1, true) ~= nil
  end)
  result.code_action = { offered = offered, created = buffer_text(created) }
  vim.cmd("silent wall")
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(result) }, env("PAPERNOTES_RESULT"))
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
vim.wait(2000, function() return vim.tbl_isempty(vim.lsp.get_active_clients()) end, 100)
vim.cmd("qa!")
