-- Drives papernotes through Neovim's built-in LSP client (0.7+), started by scripts/papernotes, headless:
--   PAPERNOTES_JAR=... PAPERNOTES_CORPUS=... PAPERNOTES_INDEX=... PAPERNOTES_NOTE=... \
--   PAPERNOTES_RESULT=out.json nvim --headless -u NONE -c 'luafile check.lua'
-- Opens the note, finds the first "[[Prepacking]]" and the first bare "Prepacking" in prose,
-- asks for hover and definition there, and writes what came back to PAPERNOTES_RESULT.
local result = { ok = false }

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
  result.ok = true
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(result) }, env("PAPERNOTES_RESULT"))
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
vim.wait(2000, function() return vim.tbl_isempty(vim.lsp.get_active_clients()) end, 100)
vim.cmd("qa!")
